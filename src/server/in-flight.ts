/** Counts requests being answered, so that closing can wait for them (a counter: no promise per request). */
export class InFlight {
  private count = 0;
  private readonly waiters: (() => void)[] = [];

  begin(): void {
    this.count++;
  }

  end(): void {
    if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once no request is being answered. */
  settled(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
