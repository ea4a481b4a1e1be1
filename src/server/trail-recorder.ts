/**
 * The audit trail's writer: calls are handed over as the pipeline finishes them and written after the
 * response, in one transaction per batch, so a request never waits for the trail. A batch is what
 * gathered in `FLUSH_MS` (or `FLUSH_COUNT` calls, whichever comes first): every commit fsyncs the
 * database (open-database.ts), so one commit per request would cost the server most of its throughput,
 * and one per batch costs next to nothing. Events are built at the end of the turn the call finished in. The queue is
 * bounded: past `MAX_PENDING` calls the oldest are dropped (and the drop logged), never the server's
 * memory. Each batch keeps the newest `maxEvents`; events older than 90 days go once an hour.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../kernel/clock.ts';
import type { Store } from '../store/store.ts';
import { eventIdFor } from '../store/trail-ids.ts';
import type { TrailEventRecord } from '../store/trail-records.ts';
import { trailEvents, type DecidedCall } from '../trail/trail-event.ts';
import type { RequestLog } from './request-log.ts';

/** How long events are kept, as CloudTrail's event history keeps them. */
export const RETENTION_DAYS = 90;

/** The default most events kept (`tollgate serve --trail-max-events`). */
export const DEFAULT_MAX_EVENTS = 1_000_000;

/** The most calls waiting to be written. */
const MAX_PENDING = 50_000;

const HOUR_MS = 3_600_000;

/** The longest a call waits to be written: `tollgate why` finds a request this soon after its answer. */
const FLUSH_MS = 100;

/** A batch this large is written at once. */
const FLUSH_COUNT = 2_000;

/** A call as the pipeline hands it over: everything but its event id. */
export type FinishedCall = Omit<DecidedCall, 'eventId'>;

/** Writes the audit trail. */
export class TrailRecorder {
  private unbuilt: FinishedCall[] = [];
  /** The events of each built call not yet written. */
  private pending: TrailEventRecord[][] = [];
  private writing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dropped = 0;
  /** Calls handed over, and calls written or dropped, since the start: `drain` waits for the first count. */
  private handed = 0;
  private settled = 0;
  private expiredAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly store: Store, private readonly clock: Clock, private readonly log: RequestLog, private readonly maxEvents = DEFAULT_MAX_EVENTS) {}

  /** Hands over a finished call; its events are built once the current turn of the event loop ends. */
  record(call: FinishedCall): void {
    this.handed += 1;
    if (this.unbuilt.push(call) === 1) setImmediate(this.build);
  }

  // Built at the end of the turn rather than at the flush: the call's objects (input, output, decision)
  // then die young, while held until the flush they would be copied through the young generation and
  // promoted, which cost the server more than building the events does.
  private readonly build = (): void => {
    const calls = this.unbuilt;
    if (calls.length === 0) return;
    this.unbuilt = [];
    for (const call of calls) {
      let records: TrailEventRecord[];
      try {
        // The event id is derived from the request id, so the request's index finds it (store/trail-ids.ts).
        records = trailEvents({ ...call, eventId: eventIdFor(call.requestId, 0) ?? randomUUID() });
      } catch (error) {
        this.log.failure('audit-trail', error);
        this.settled += 1;
        continue;
      }
      if (this.pending.push(records) > MAX_PENDING) {
        this.pending.shift();
        this.dropped += 1;
        this.settled += 1;
      }
    }
    if (this.writing !== undefined) return; // written when the batch in progress ends
    if (this.pending.length >= FLUSH_COUNT) this.flush();
    else this.timer ??= setTimeout(this.flush, FLUSH_MS).unref();
  };

  /** Resolves once every call handed over so far is written (before the store closes; before `why` reads the trail). */
  async drain(): Promise<void> {
    const target = this.handed;
    this.build();
    while (this.settled < target) {
      if (this.writing === undefined) this.flush();
      await this.writing;
    }
  }

  private readonly flush = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing !== undefined || this.pending.length === 0) return;
    const calls = this.pending;
    this.pending = [];
    this.writing = this.write(calls).finally(() => {
      this.writing = undefined;
      if (this.pending.length >= FLUSH_COUNT) this.flush();
      else if (this.pending.length > 0) this.timer ??= setTimeout(this.flush, FLUSH_MS).unref();
    });
  };

  private async write(calls: TrailEventRecord[][]): Promise<void> {
    const count = calls.length;
    try {
      const appended = this.store.trail.append(calls.flat(), { keep: this.maxEvents });
      // Not held while the batch commits: the store has what it needs, and the events' texts can die young.
      calls.length = 0;
      await appended;
      const now = this.clock.now();
      if (now - this.expiredAt >= HOUR_MS) {
        this.expiredAt = now;
        await this.store.trail.expire(new Date(now - RETENTION_DAYS * 24 * HOUR_MS));
      }
      if (this.dropped > 0) {
        this.log.info('audit trail events dropped: the writer fell behind', { dropped: this.dropped });
        this.dropped = 0;
      }
    } catch (error) {
      this.log.failure('audit-trail', error);
    } finally {
      this.settled += count;
    }
  }
}
