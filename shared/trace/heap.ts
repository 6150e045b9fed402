/** A max-heap of partial and complete paths for explain(): biggest value first, then first pushed. */
export interface PathState {
  /** The path's far-end transfer: down, its earliest hop; up, its latest. */
  t: number;
  /** Product of the shares between `t` and the node. */
  weight: number;
  length: number;
  parent: PathState | null;
  /** Exact when complete, an upper bound otherwise. */
  value: number;
  complete: boolean;
  entry: boolean;
}

export class Heap {
  private items: PathState[] = [];
  private order: number[] = [];
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  push(item: PathState): void {
    this.items.push(item);
    this.order.push(this.pushed++);
    let i = this.items.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.before(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  pop(): PathState {
    const top = this.items[0] as PathState;
    const last = this.items.pop() as PathState;
    const lastOrder = this.order.pop() as number;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.order[0] = lastOrder;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < this.items.length && this.before(l, best)) best = l;
        if (r < this.items.length && this.before(r, best)) best = r;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const va = (this.items[a] as PathState).value;
    const vb = (this.items[b] as PathState).value;
    return va > vb || (va === vb && (this.order[a] as number) < (this.order[b] as number));
  }

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b] as PathState, this.items[a] as PathState];
    [this.order[a], this.order[b]] = [this.order[b] as number, this.order[a] as number];
  }
}
