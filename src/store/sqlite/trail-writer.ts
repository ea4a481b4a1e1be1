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
import type { TrailEventRecord, TrailRetention } from '../trail-records.ts';
import { BUSY_TIMEOUT_MS } from './open-database.ts';

// Rows travel as arrays of strings and numbers: cheap to copy to the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyMs });
db.pragma('busy_timeout = ' + workerData.busyMs);
db.pragma('synchronous = FULL');
const newest = db.prepare('select max(seq) as seq from trail_events');
const insertEvent = db.prepare('insert into trail_events (seq, account_id, region, event_id, request_id, event_time, event_name, event_source, username, access_key_id, read_only, event, decision) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const insertResource = db.prepare('insert into trail_resources (seq, position, account_id, region, resource_type, resource_name, event_time) values (?, ?, ?, ?, ?, ?, ?)');
const trimEvents = db.prepare('delete from trail_events where seq <= ?');
const trimResources = db.prepare('delete from trail_resources where seq <= ?');
const append = db.transaction((rows, keep) => {
  let seq = Number(newest.get().seq ?? 0);
  for (const row of rows) {
    seq += 1;
    insertEvent.run(seq, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11]);
    const resources = row[12];
    for (let i = 0; i < resources.length; i += 2) insertResource.run(seq, i / 2, row[0], row[1], resources[i], resources[i + 1], row[4]);
  }
  if (keep !== undefined && seq - keep > 0) {
    trimEvents.run(seq - keep);
    trimResources.run(seq - keep);
  }
});
parentPort.on('message', (message) => {
  if (message.close) { db.close(); parentPort.close(); return; }
  try {
    append.immediate(message.rows, message.keep);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

type Row = [string, string, string, string, number, string, string, string | null, string | null, number, string, string | null, string[]];

/** An event as the worker inserts it. */
function row(r: TrailEventRecord): Row {
  const resources: string[] = [];
  for (const resource of r.resources) resources.push(resource.type, resource.name);
  return [r.accountId, r.region, r.eventId, r.requestId, r.eventTime.getTime(), r.eventName, r.eventSource, r.username ?? null, r.accessKeyId ?? null, r.readOnly ? 1 : 0, r.event, r.decision ?? null, resources];
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
      this.worker.postMessage({ id, rows: records.map(row), keep: retention?.keep });
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
