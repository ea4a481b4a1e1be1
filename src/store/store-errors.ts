/**
 * Errors a Store raises that services are expected to catch and turn into AWS errors (a
 * UniqueViolation on CreateUser becomes `EntityAlreadyExists`, docs/aws-behaviour/error-shapes.md).
 */

/** What kind of record a uniqueness rule protects. */
export type UniqueEntity = 'account' | 'user' | 'group' | 'role' | 'managedPolicy' | 'policyVersion' | 'accessKey';

/**
 * A write would break a uniqueness rule: a name already taken in the account (compared
 * case-insensitively, docs/aws-behaviour/iam-identities-and-quotas.md) or an id or ARN already in use. Nothing of the write was kept.
 */
export class UniqueViolation extends Error {
  constructor(
    readonly entity: UniqueEntity,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'UniqueViolation';
  }
}

/**
 * The database could not be reached, or dropped the connection, before the work completed: nothing of
 * a write whose transaction did not commit was kept. Services answer it as AWS does when it cannot
 * serve, `ServiceUnavailable` (HTTP 503), and the store recovers by itself when the database returns.
 */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}
