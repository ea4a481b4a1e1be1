/**
 * The kinds of policy that take part in a decision. `trust` is the resource-based policy of a role
 * (its AssumeRolePolicyDocument); `resource` any other resource-based policy.
 */
export const POLICY_KINDS = ['scp', 'rcp', 'resource', 'trust', 'identity', 'boundary', 'session'] as const;

/** One kind of policy. */
export type PolicyKind = (typeof POLICY_KINDS)[number];

/**
 * How a document is validated: the kinds above, with identity policies split by where they are stored
 * (managed policies must be Version 2012-10-17, docs/aws-behaviour/iam-policy-language.md).
 */
export type DocumentKind = 'identity-inline' | 'identity-managed' | 'boundary' | 'session' | 'trust' | 'resource' | 'scp' | 'rcp';

/**
 * The largest document of each kind, in characters with whitespace outside strings removed
 * (docs/aws-behaviour/iam-policy-language.md; SCP/RCP: AWS Organizations quotas). Inline identity policies are limited in
 * aggregate per user/group/role by the store, see INLINE_POLICY_AGGREGATE_LIMITS.
 */
export const DOCUMENT_SIZE_LIMITS: Readonly<Record<DocumentKind, { limit: number; message: string }>> = {
  'identity-inline': { limit: 10_240, message: 'Maximum policy size of 10240 bytes exceeded' },
  'identity-managed': { limit: 6_144, message: 'Cannot exceed quota for PolicySize: 6144' },
  boundary: { limit: 6_144, message: 'Cannot exceed quota for PolicySize: 6144' },
  session: { limit: 2_048, message: 'Cannot exceed quota for PolicySize: 2048' },
  trust: { limit: 2_048, message: 'Cannot exceed quota for ACLSizePerRole: 2048' },
  resource: { limit: 20_480, message: 'Cannot exceed quota for PolicySize: 20480' },
  scp: { limit: 5_120, message: 'Cannot exceed quota for PolicySize: 5120' },
  rcp: { limit: 5_120, message: 'Cannot exceed quota for PolicySize: 5120' },
};

/** Aggregate inline-policy size per entity type (docs/aws-behaviour/iam-policy-language.md), with IAM's LimitExceeded text. */
export const INLINE_POLICY_AGGREGATE_LIMITS = {
  user: { limit: 2_048, message: (name: string) => `Maximum policy size of 2048 bytes exceeded for user ${name}` },
  group: { limit: 5_120, message: (name: string) => `Maximum policy size of 5120 bytes exceeded for group ${name}` },
  role: { limit: 10_240, message: (name: string) => `Maximum policy size of 10240 bytes exceeded for role ${name}` },
} as const;

/** The policy kind a validated document of `kind` takes part in decisions as. */
export function policyKindOf(kind: DocumentKind): PolicyKind {
  return kind === 'identity-inline' || kind === 'identity-managed' ? 'identity' : kind;
}
