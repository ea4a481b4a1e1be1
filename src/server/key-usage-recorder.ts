/**
 * GetAccessKeyLastUsed's data: the time, service and region a key was last used. Recorded off the
 * request path and at most once a minute per key, so signed requests do not each pay for a write; the
 * write is the Store's quiet `recordUse`, which moves no account generation, so it drops no cache.
 * Only long-term keys have such a record: temporary credentials (`ASIA…`) are not recorded.
 * What is remembered per key lasts the minute it stands for, and at most `max` keys are remembered.
 */
import { BoundedCache } from '../kernel/bounded-cache.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Store } from '../store/store.ts';
import type { RequestLog } from './request-log.ts';

const INTERVAL_MS = 60_000;

/** The most keys whose last recording is remembered (a key forgotten early is only recorded again). */
const MAX_REMEMBERED = 10_000;

interface Recording {
  readonly at: number;
  readonly service: string;
  readonly region: string;
}

/** Records access-key use. */
export class KeyUsageRecorder {
  private readonly recorded: BoundedCache<string, Recording>;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly store: Store, private readonly clock: Clock, private readonly log: RequestLog, max = MAX_REMEMBERED) {
    this.recorded = new BoundedCache(max, clock);
  }

  /** Notes that `accessKeyId` signed a request to `service` in `region`. */
  touch(accessKeyId: string, service: string, region: string): void {
    if (accessKeyId.startsWith('ASIA')) return;
    const now = this.clock.now();
    const last = this.recorded.get(accessKeyId);
    if (last && now - last.at < INTERVAL_MS && last.service === service && last.region === region) return;
    this.recorded.set(accessKeyId, { at: now, service, region }, now + INTERVAL_MS);
    const write = this.write(accessKeyId, service, region, now).finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** How many keys' last recordings are remembered (for tests of the bound). */
  get remembered(): number {
    return this.recorded.size;
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
