import * as vscode from 'vscode';
import { Commands, OUTPUT_CHANNEL } from '../ids';

/** How many output-channel lines the notifier remembers. */
const RECENT_LINES = 500;

/** Buttons of a message: the label, and what a click does. */
export type Actions = Record<string, () => void>;

/** The output channel and user-facing messages; remembers what was shown (for the test API). */
export class Notifier implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel(OUTPUT_CHANNEL);
  private readonly shown: string[] = [];
  /** The last lines logged (at most `RECENT_LINES`), for the test API. */
  private readonly recent: string[] = [];

  log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
    this.recent.push(line);
    if (this.recent.length > RECENT_LINES) this.recent.splice(0, this.recent.length - RECENT_LINES);
  }

  /** The output channel's last lines, oldest first, without their time stamps. */
  get logged(): string[] {
    return [...this.recent];
  }

  get messages(): string[] {
    return [...this.shown];
  }

  /** A piece of news, with buttons of its own. */
  info(message: string, actions: Actions = {}): void {
    this.show(vscode.window.showInformationMessage, message, actions);
  }

  /** A warning with a button that opens the output channel. */
  warn(message: string): void {
    this.show(vscode.window.showWarningMessage, message, this.withOutput({}));
  }

  /** An error (also logged), with buttons of its own and one that opens the output channel. */
  error(message: string, actions: Actions = {}): void {
    this.log(`ERROR ${message}`);
    this.show(vscode.window.showErrorMessage, message, this.withOutput(actions));
  }

  private withOutput(actions: Actions): Actions {
    return { ...actions, 'Show Output': () => void vscode.commands.executeCommand(Commands.showOutput) };
  }

  private show(how: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string, actions: Actions): void {
    this.shown.push(message);
    void how(message, ...Object.keys(actions)).then(choice => {
      if (choice) actions[choice]?.();
    });
  }

  dispose(): void {
    this.output.dispose();
  }
}
