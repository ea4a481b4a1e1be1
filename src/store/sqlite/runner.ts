/**
 * How repositories reach the database. Outside a transaction, `read` waits its turn on the process's
 * connection and `write` runs as its own small transaction (so a delete that also removes owned rows
 * is atomic); inside a transaction both run directly on the transaction's connection.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A unit of database work. */
export type DatabaseWork<T> = (db: Kysely<Database>) => Promise<T>;

/** Runs queries (`read`) and changes (`write`). */
export interface Runner {
  read<T>(work: DatabaseWork<T>): Promise<T>;
  /**
   * A point read that outside a transaction may be answered from memory while the database is
   * unchanged (`read-memo.ts`). `space` (the kind of record) and `key` must name exactly what `work` reads.
   */
  memo<T>(space: string, key: string, work: DatabaseWork<T>): Promise<T>;
  write<T>(work: DatabaseWork<T>): Promise<T>;
}

