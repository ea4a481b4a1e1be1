/**
 * Wakes the watches of a cluster when its objects change. A write through this process notifies at
 * once; a write by another process sharing the store is found by each watch's own poll of the change
 * log (every second), so watches stay exact across processes.
 */

/** Waits for changes, per cluster. */
export class WatchHub {
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Resolves at the next change of the cluster `uid` made here, or after `ms`. */
  next(uid: string, ms: number): { readonly promise: Promise<void>; cancel(): void } {
    let wake: () => void = () => {};
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<void>((resolve) => {
      wake = () => {
        clearTimeout(timer);
        this.waiting.get(uid)?.delete(wake);
        resolve();
      };
      timer = setTimeout(wake, ms);
      let set = this.waiting.get(uid);
      if (!set) this.waiting.set(uid, (set = new Set()));
      set.add(wake);
    });
    return { promise, cancel: () => wake() };
  }

  /** Wakes every watch of the cluster `uid`. */
  changed(uid: string): void {
    const set = this.waiting.get(uid);
    if (!set) return;
    this.waiting.delete(uid);
    for (const wake of set) wake();
  }
}
