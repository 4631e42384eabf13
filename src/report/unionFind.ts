/** Groups of string keys joined pairwise (union-find with path compression); the smaller key names a group. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    const p = this.parent.get(x);
    if (p === undefined || p === x) return x;
    const root = this.find(p);
    this.parent.set(x, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    if (rb < ra) this.parent.set(ra, rb);
    else this.parent.set(rb, ra);
  }
}
