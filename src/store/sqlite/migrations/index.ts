/**
 * The migrations, in order. A migration, once released, never changes: a schema change is a new
 * file `NNNN-what.ts` appended here with the next version number.
 */
import type { Kysely } from 'kysely';
import * as initial from './0001-initial.ts';
import * as stsSessions from './0002-sts-sessions.ts';
import * as eks from './0003-eks.ts';
import * as generationFloor from './0004-generation-floor.ts';
import * as rootPasswords from './0005-root-passwords.ts';
import * as kubernetes from './0006-kubernetes.ts';
import * as trail from './0007-trail.ts';
import * as serviceControlPolicies from './0008-service-control-policies.ts';
import * as trailKeys from './0009-trail-keys.ts';

/** One schema step. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Every migration, by ascending version. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'sts-sessions', up: stsSessions.up },
  { version: 3, name: 'eks', up: eks.up },
  { version: 4, name: 'generation-floor', up: generationFloor.up },
  { version: 5, name: 'root-passwords', up: rootPasswords.up },
  { version: 6, name: 'kubernetes', up: kubernetes.up },
  { version: 7, name: 'trail', up: trail.up },
  { version: 8, name: 'service-control-policies', up: serviceControlPolicies.up },
  { version: 9, name: 'trail-keys', up: trailKeys.up },
];
