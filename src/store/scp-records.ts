/**
 * The service control policies (SCPs) in effect for an account, as AWS Organizations would apply them to
 * a member account (`tollgate accounts scp`). Tollgate builds no Organizations API: an operator gives the
 * account its SCPs by name. An account with none is unrestricted, as if only FullAWSAccess applied.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 */

/** One SCP of an account. */
export interface ServiceControlPolicyRecord {
  readonly accountId: string;
  /** Unique per account, exactly as given (names compare by code point). */
  readonly name: string;
  /** The policy document as given (validated as an SCP when it was put). */
  readonly document: string;
  readonly updatedAt: Date;
}
