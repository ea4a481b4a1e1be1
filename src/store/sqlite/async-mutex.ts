/**
 * A first-come, first-served async mutex. better-sqlite3 gives a process one connection; the store
 * runs every transaction and every read outside a transaction through this, so that no read sees
 * the half-done work of an in-flight transaction and no two transactions interleave their statements.
 */

/** Runs tasks one at a time, in the order they asked. */
export class AsyncMutex {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every task queued before it has settled; resolves or rejects as it does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
