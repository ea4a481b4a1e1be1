/**
 * The SQLite trail's appends, written by a worker thread on its own connection to the same file (WAL):
 * inserting a batch into `trail_events` and `trail_resources` and their indexes is most of what the
 * trail costs, and on the process's one connection it would hold the request thread for that long. The
 * worker is plain JavaScript given as source (`eval`), so it runs the same from the TypeScript sources
 * and from the bundled build; it loads the better-sqlite3 the store itself resolves. An append resolves
 * once the worker has committed it, so a read after it (`tollgate why`, LookupEvents) sees it.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { isDerivedEventId, requestKey } from '../trail-ids.ts';
import type { TrailEventRecord, TrailRetention } from '../trail-records.ts';
import { BUSY_TIMEOUT_MS } from './open-database.ts';

// A batch travels as one flat array of strings and numbers (`values`): the cheapest shape to copy to the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyMs });
db.pragma('busy_timeout = ' + workerData.busyMs);
db.pragma('synchronous = FULL');
const newest = db.prepare('select max(seq) as seq from trail_events');
const insertEvent = db.prepare('insert into trail_events (seq, account_id, region, event_id, request_id, event_time, event_name, event_source, username, access_key_id, read_only, event, decision, request_key, derived_event_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const insertResource = db.prepare('insert into trail_resources (seq, position, account_id, region, resource_type, resource_name, event_time) values (?, ?, ?, ?, ?, ?, ?)');
const trimEvents = db.prepare('delete from trail_events where seq <= ?');
const trimResources = db.prepare('delete from trail_resources where seq <= ?');
const append = db.transaction((values, keep) => {
  let seq = Number(newest.get().seq ?? 0);
  for (let i = 0; i < values.length;) {
    seq += 1;
    const account = values[i], region = values[i + 1], time = values[i + 4];
    insertEvent.run(seq, account, region, values[i + 2], values[i + 3], time, values[i + 5], values[i + 6], values[i + 7], values[i + 8], values[i + 9], values[i + 10], values[i + 11], values[i + 12], values[i + 13]);
    const resources = values[i + 14];
    i += 15;
    for (let position = 0; position < resources; position++, i += 2) insertResource.run(seq, position, account, region, values[i], values[i + 1], time);
  }
  if (keep !== undefined && seq - keep > 0) {
    trimEvents.run(seq - keep);
    trimResources.run(seq - keep);
  }
});
parentPort.on('message', (message) => {
  if (message.close) { db.close(); parentPort.close(); return; }
  try {
    append.immediate(message.values, message.keep);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/** Appends an event's values to the batch: its 14 columns, its count of resources, then each resource's type and name. */
function pushValues(values: (string | number | null)[], r: TrailEventRecord): void {
  values.push(
    r.accountId, r.region, r.eventId, r.requestId, r.eventTime.getTime(), r.eventName, r.eventSource, r.username ?? null, r.accessKeyId ?? null, r.readOnly ? 1 : 0, r.event, r.decision ?? null,
    requestKey(r.requestId), isDerivedEventId(r.eventId, r.requestId) ? 1 : 0, r.resources.length,
  );
  for (const resource of r.resources) values.push(resource.type, resource.name);
}

/** Appends trail events to the database file `file` from a worker thread. */
export class TrailWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;
  /** Why the worker stopped, once it has: later appends fail at once rather than wait for it. */
  private stopped: Error | undefined;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, busyMs: BUSY_TIMEOUT_MS } });
    this.worker.unref();
    this.worker.on('message', (message: { id: number; error?: string }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error === undefined) waiter?.resolve();
      else waiter?.reject(new Error(`audit trail write failed: ${message.error}`));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('the audit trail writer stopped')));
  }

  /** Writes `records` in one transaction, trimmed to `retention`; resolves once committed. */
  append(records: readonly TrailEventRecord[], retention: TrailRetention | undefined): Promise<void> {
    if (this.stopped !== undefined) return Promise.reject(this.stopped);
    if (records.length === 0 && retention === undefined) return Promise.resolve();
    const id = (this.next += 1);
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Referenced while a write is in flight, so the process does not exit with it unwritten.
      this.worker.ref();
      const values: (string | number | null)[] = [];
      for (const record of records) pushValues(values, record);
      this.worker.postMessage({ id, values, keep: retention?.keep });
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    });
  }

  /** Closes the worker's connection once the writes already posted are done. */
  async close(): Promise<void> {
    if (this.stopped !== undefined) return;
    this.worker.ref();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ close: true });
    await exited;
  }

  private failAll(error: Error): void {
    this.stopped ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
