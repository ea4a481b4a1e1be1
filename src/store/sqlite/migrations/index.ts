/**
 * The migrations, in order. A migration, once released, never changes: a schema change is a new
 * file `NNNN-what.ts` appended here with the next version number.
 */
import type { Kysely } from 'kysely';
import * as initial from './0001-initial.ts';

/** One schema step. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Every migration, by ascending version. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
];
