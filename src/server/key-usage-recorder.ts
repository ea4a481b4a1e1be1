/**
 * GetAccessKeyLastUsed's data: the time, service and region a key was last used. Recorded off the
 * request path and at most once a minute per key, so signed requests do not each pay for a write; the
 * write is the Store's quiet `recordUse`, which moves no account generation, so it drops no cache.
 */
import type { Clock } from '../kernel/clock.ts';
import type { Store } from '../store/store.ts';
import type { RequestLog } from './request-log.ts';

const INTERVAL_MS = 60_000;

/** Records access-key use. */
export class KeyUsageRecorder {
  private readonly recorded = new Map<string, { at: number; service: string; region: string }>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly store: Store, private readonly clock: Clock, private readonly log: RequestLog) {}

  /** Notes that `accessKeyId` signed a request to `service` in `region`. */
  touch(accessKeyId: string, service: string, region: string): void {
    const now = this.clock.now();
    const last = this.recorded.get(accessKeyId);
    if (last && now - last.at < INTERVAL_MS && last.service === service && last.region === region) return;
    this.recorded.set(accessKeyId, { at: now, service, region });
    const write = this.write(accessKeyId, service, region, now).finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Resolves once every recording already started is written (before the store closes). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async write(accessKeyId: string, service: string, region: string, now: number): Promise<void> {
    try {
      await this.store.accessKeys.recordUse(accessKeyId, { date: new Date(now), service, region });
    } catch (error) {
      this.log.failure(`key-usage:${accessKeyId.slice(0, 4)}`, error);
    }
  }
}
