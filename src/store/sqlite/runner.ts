/**
 * How repositories reach the database. Outside a transaction, `read` waits its turn on the process's
 * connection and a write runs as its own small transaction (so a delete that also removes owned rows
 * is atomic); inside a transaction both run directly on the transaction's connection.
 *
 * Every write says which account's data it changes, and the runner moves that account's generation
 * in the same transaction (store.ts, "Account generation"); only `writeQuietly`, for the few writes
 * the Store interface names as changing no decision, moves none.
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
  /** A change to data of the account `accountId`, whose generation moves with it. */
  write<T>(accountId: string, work: DatabaseWork<T>): Promise<T>;
  /** A change whose accounts `work` finds as it goes: each account passed to `touch` has its generation moved with it. */
  writeTouching<T>(work: (db: Kysely<Database>, touch: (accountId: string) => void) => Promise<T>): Promise<T>;
  /** A change that no authorization decision or credential depends on: no generation moves. */
  writeQuietly<T>(work: DatabaseWork<T>): Promise<T>;
}
