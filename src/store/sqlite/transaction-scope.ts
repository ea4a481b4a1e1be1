/**
 * What a store transaction shares between the SQLite and PostgreSQL stores: the scope that tells a
 * session whether its transaction still runs and which accounts' generations it has moved, the change
 * that moves the generations of the accounts a write touched (inside that same transaction: store.ts,
 * INVARIANT "account generation"), and the session a `Store.transaction` callback is given.
 */
import type { Kysely } from 'kysely';
import type { StoreSession } from '../store.ts';
import { moveGenerations } from './account-generations.ts';
import type { DatabaseWork } from './runner.ts';
import type { Database } from './schema.ts';
import { createSession } from './session.ts';

/** A transaction in progress; `open` turns false when it ends, so a leaked session is refused. */
export interface TransactionScope {
  open: boolean;
  /** The accounts whose generation this transaction has moved already. */
  readonly moved: Set<string>;
}

/** A change that names the accounts it touches. */
export type TouchingWork<T> = (db: Kysely<Database>, touch: (accountId: string) => void) => Promise<T>;

/** Runs `work` on `connection` inside the transaction of `scope`, then moves the generations of the accounts it touched. */
export async function change<T>(connection: Kysely<Database>, scope: TransactionScope, work: TouchingWork<T>): Promise<T> {
  let touched: Set<string> | undefined;
  const result = await work(connection, (accountId) => {
    if (!scope.moved.has(accountId)) (touched ??= new Set()).add(accountId);
  });
  if (touched !== undefined) {
    await moveGenerations(connection, touched);
    for (const accountId of touched) scope.moved.add(accountId);
  }
  return result;
}

/** The session of a transaction on `connection`: every step runs there, and none once `scope` has ended. */
export function transactionSession(connection: Kysely<Database>, scope: TransactionScope): StoreSession {
  const refuseEnded = (): void => {
    if (!scope.open) throw new Error('a transaction session was used after its transaction ended');
  };
  const inside = async <R>(step: DatabaseWork<R>): Promise<R> => {
    refuseEnded();
    return step(connection);
  };
  const touching = async <R>(step: TouchingWork<R>): Promise<R> => {
    refuseEnded();
    return change(connection, scope, step);
  };
  return createSession({
    read: inside,
    memo: (_space, _key, step) => inside(step),
    write: (accountId, step) => touching((db, touch) => { touch(accountId); return step(db); }),
    writeTouching: touching,
    writeQuietly: inside,
  });
}
