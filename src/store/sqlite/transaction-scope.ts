/**
 * What a store transaction shares between the SQLite and PostgreSQL stores: the scope that tells a
 * session whether its transaction still runs and which accounts' generations it has moved, the change
 * that moves the generations of the accounts a write touched (inside that same transaction: store.ts,
 * INVARIANT "account generation"), the session a `Store.transaction` callback is given, and the guard
 * that refuses a store's use after it closed or from inside its own transaction.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
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

/**
 * Refuses a store's use once it is closed, and, with nested-use detection, from inside one of its own
 * transactions (which would wait for the very transaction it runs in). Detection is on under the test
 * runner unless `detectNestedUse` says otherwise: its AsyncLocalStorage taxes every promise.
 */
export class StoreGuard {
  private closed = false;
  private readonly scopes: AsyncLocalStorage<TransactionScope> | undefined;

  constructor(detectNestedUse: boolean | undefined) {
    const detect = detectNestedUse ?? process.env['NODE_TEST_CONTEXT'] !== undefined;
    this.scopes = detect ? new AsyncLocalStorage<TransactionScope>() : undefined;
  }

  /** Throws when the store is closed, or is used inside its own transaction. */
  refuseMisuse(): void {
    if (this.closed) throw new Error('the store is closed');
    if (this.scopes?.getStore()?.open) {
      throw new Error('the store was used inside its own transaction: use the session `transaction` passes to its work');
    }
  }

  /** Runs a transaction's `work` as part of `scope`, where nested use can be detected. */
  within<T>(scope: TransactionScope, work: () => Promise<T>): Promise<T> {
    return this.scopes ? this.scopes.run(scope, work) : work();
  }

  /** Marks the store closed; false when it was already. */
  close(): boolean {
    if (this.closed) return false;
    this.closed = true;
    return true;
  }
}
