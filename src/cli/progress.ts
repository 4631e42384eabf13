/**
 * The progress line on stderr while a run lasts (only when stderr is a terminal):
 * documents taken so far, then the cross-document stage; rewritten in place at most
 * a few times a second and cleared at the end, so nothing of it stays in a log.
 */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(private readonly stream: { write(s: string): unknown }, private readonly now: () => number = Date.now) {}

  show(done: number, total: number): void {
    const t = this.now();
    if (done < total && t - this.last < 200) return;
    this.last = t;
    this.write(`source-lens: analysed ${done}/${total} documents`);
  }

  linking(): void {
    this.write('source-lens: linking documents across sources…');
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
    this.shown = false;
  }

  private write(line: string): void {
    this.stream.write(`\r\u001b[K${line}`);
    this.shown = true;
  }
}
