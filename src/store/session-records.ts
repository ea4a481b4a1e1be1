/**
 * Temporary credentials as the store keeps them (docs/aws-behaviour/sts-sessions.md): one record per `ASIA…`
 * key, with everything later decisions need about the session. The secret and the session token are
 * sealed by the service before they reach the store; the store never opens, logs or compares them.
 */
import type { Tag } from './iam-records.ts';

/**
 * Which STS operation issued the credentials; `console` for a console sign-in, whose session acts as the
 * IAM user or root user itself (`server/console-session.ts`).
 */
export type StsSessionKind = 'assumed-role' | 'session-token' | 'federated-user' | 'console';

/** One set of temporary credentials. */
export interface StsSessionRecord {
  /** The account the credentials act in: the role's account, or the calling user's. */
  readonly accountId: string;
  /** `ASIA…` */
  readonly accessKeyId: string;
  readonly secretCiphertext: string;
  readonly sessionTokenCiphertext: string;
  readonly kind: StsSessionKind;
  /** The role's unique id (`AROA…`) for role sessions; the IAM user's (`AIDA…`) otherwise, undefined for the root user. */
  readonly principalId: string | undefined;
  /** RoleSessionName, or the federated user's Name; empty for GetSessionToken. */
  readonly name: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** The inline session policy as passed. */
  readonly policy: string | undefined;
  /** Managed session policies (`PolicyArns`), in request order. */
  readonly policyArns: readonly string[];
  /** Session tags, inherited transitive tags first. */
  readonly tags: readonly Tag[];
  /** Keys of `tags` that pass to a chained role session. */
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | undefined;
  /** True when MFA was presented when the credentials were requested. */
  readonly mfa: boolean;
  /** True for a role session assumed with temporary credentials (role chaining). */
  readonly chained: boolean;
}
