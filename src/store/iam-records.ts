/**
 * The IAM entities as the store keeps them: camelCase domain records (docs/architecture.md, "Conventions"); the
 * services map them to AWS's wire shapes. Names of users, groups, roles, policies and instance profiles
 * are unique per account case-insensitively (docs/aws-behaviour/iam-identities-and-quotas.md); lookups by name ignore case.
 */

/** A tag on an IAM entity. */
export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** An AWS account held by this Tollgate. */
export interface AccountRecord {
  readonly id: string;
  readonly createdAt: Date;
}

/** An IAM user. */
export interface UserRecord {
  readonly accountId: string;
  /** The unique id, `AIDA…`. */
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: Date;
  readonly permissionsBoundaryArn: string | undefined;
  readonly tags: readonly Tag[];
}

/** An IAM group. */
export interface GroupRecord {
  readonly accountId: string;
  /** `AGPA…` */
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: Date;
}

/** An IAM role. */
export interface RoleRecord {
  readonly accountId: string;
  /** `AROA…` */
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly createdAt: Date;
  /** The trust policy as stored: user and role ARNs replaced by their unique ids (docs/aws-behaviour/iam-policy-language.md). */
  readonly trustPolicy: string;
  readonly description: string | undefined;
  readonly maxSessionDuration: number;
  readonly permissionsBoundaryArn: string | undefined;
  readonly tags: readonly Tag[];
  readonly lastUsed: { readonly date: Date; readonly region: string } | undefined;
}

/** Who an inline policy, an attachment or an access key belongs to. */
export type PrincipalEntityType = 'user' | 'group' | 'role';

/** An inline policy of a user, group or role. */
export interface InlinePolicyRecord {
  readonly accountId: string;
  readonly ownerType: PrincipalEntityType;
  /** The owner's unique id, so a recreated owner of the same name does not inherit it. */
  readonly ownerId: string;
  readonly name: string;
  readonly document: string;
}

/** A customer managed policy (AWS managed policies are shipped data, not stored). */
export interface ManagedPolicyRecord {
  readonly accountId: string;
  /** `ANPA…` */
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly description: string | undefined;
  readonly defaultVersionId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly tags: readonly Tag[];
  /** The number the next version gets (`v<n>`): version ids are never reused. */
  readonly nextVersion: number;
}

/** One version of a customer managed policy. */
export interface PolicyVersionRecord {
  readonly policyArn: string;
  readonly versionId: string;
  readonly document: string;
  readonly createdAt: Date;
}

/** A managed policy (customer or AWS) attached to a user, group or role, or set as its boundary. */
export interface AttachmentRecord {
  readonly accountId: string;
  readonly policyArn: string;
  readonly entityType: PrincipalEntityType;
  readonly entityId: string;
}

/** An access key: the secret is kept encrypted and is never handed back after creation. */
export interface AccessKeyRecord {
  readonly accountId: string;
  /** `AKIA…` */
  readonly id: string;
  /** The owning user's unique id, or undefined for the account's root user. */
  readonly userId: string | undefined;
  readonly secretCiphertext: string;
  readonly status: 'Active' | 'Inactive';
  readonly createdAt: Date;
  readonly lastUsed: { readonly date: Date; readonly service: string; readonly region: string } | undefined;
}

/** A user's console password (hashed). */
export interface LoginProfileRecord {
  readonly accountId: string;
  readonly userId: string;
  readonly passwordHash: string;
  readonly passwordResetRequired: boolean;
  readonly createdAt: Date;
}

/** The account password policy (IAM UpdateAccountPasswordPolicy). */
export interface PasswordPolicyRecord {
  readonly accountId: string;
  readonly minimumPasswordLength: number;
  readonly requireSymbols: boolean;
  readonly requireNumbers: boolean;
  readonly requireUppercaseCharacters: boolean;
  readonly requireLowercaseCharacters: boolean;
  readonly allowUsersToChangePassword: boolean;
  readonly maxPasswordAge: number | undefined;
  readonly passwordReusePrevention: number | undefined;
  readonly hardExpiry: boolean;
}
