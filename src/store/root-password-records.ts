/**
 * The root user's console password (`tollgate accounts set-root-password`). AWS signs the root user in
 * with the account's email address and password; Tollgate accounts have no email address, so the root
 * user signs in with the account id and this password. Kept as a scrypt hash, like IAM users' passwords.
 */

/** One account's root password. */
export interface RootPasswordRecord {
  readonly accountId: string;
  /** `scrypt$N$r$p$<salt>$<hash>` (`services/iam/shared/identity-password.ts`); never the password. */
  readonly passwordHash: string;
  readonly updatedAt: Date;
}
