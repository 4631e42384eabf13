import * as vscode from 'vscode';
import { Commands, OUTPUT_CHANNEL } from '../ids';

/** The output channel and user-facing messages; remembers what was shown (for the test API). */
export class Notifier implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel(OUTPUT_CHANNEL);
  private readonly shown: string[] = [];

  log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  }

  get messages(): string[] {
    return [...this.shown];
  }

  /** A warning with a button that opens the output channel. */
  warn(message: string): void {
    this.shown.push(message);
    void vscode.window.showWarningMessage(message, 'Show Output').then(choice => {
      if (choice) void vscode.commands.executeCommand(Commands.showOutput);
    });
  }

  error(message: string): void {
    this.shown.push(message);
    this.log(`ERROR ${message}`);
    void vscode.window.showErrorMessage(message);
  }

  dispose(): void {
    this.output.dispose();
  }
}
