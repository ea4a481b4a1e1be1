/**
 * Items gathered during one turn of the event loop and handed over together at its end (a setImmediate
 * runs after the turn's I/O callbacks). Under load one turn serves many requests: one write for all
 * of them costs a fraction of one write each.
 */
export class EndOfTurnBatch<T> {
  private items: T[] = [];

  constructor(private readonly deliver: (items: readonly T[]) => void) {}

  add(item: T): void {
    if (this.items.push(item) === 1) setImmediate(this.flush);
  }

  /** Delivers what is gathered now (also called ahead of the end of the turn). */
  readonly flush = (): void => {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.deliver(items);
  };
}
