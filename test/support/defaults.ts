/**
 * The code's own defaults that the end-to-end tests rely on, imported from where the code defines them
 * (never copied into a test as a literal), so that a test follows when a default changes. One module,
 * so that when the code's files move only this one follows.
 */
import { DEFAULT_EKS_DELAY_SECONDS } from '../../src/services/eks/shared/lifecycle.ts';

export { DEFAULT_ACCOUNT_ID } from '../../src/main.ts';
export { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS, kubernetesVersion } from '../../src/services/eks/clusters/eks-versions.ts';
export { DEFAULT_EKS_DELAY_SECONDS };
export { DEFAULT_INSTANCE_TYPES, DEFAULT_SCALING, DEFAULT_UPDATE_CONFIG, latestReleaseVersion } from '../../src/services/eks/nodegroups/nodegroup-defaults.ts';

/** Milliseconds that take any EKS transition (CREATING, UPDATING, DELETING) past its end at the default delay. */
export const PAST_EKS_DELAY_MS = DEFAULT_EKS_DELAY_SECONDS * 1000 + 500;

// IAM quotas (AWS's defaults, as the code enforces them).
export { ACCESS_KEYS_PER_USER } from '../../src/services/iam/operations/create-access-key.ts';
export { GROUPS_PER_USER } from '../../src/services/iam/operations/add-user-to-group.ts';
export { GROUPS_PER_ACCOUNT } from '../../src/services/iam/operations/create-group.ts';
export { USERS_PER_ACCOUNT } from '../../src/services/iam/operations/create-user.ts';
export { POLICIES_PER_ROLE } from '../../src/services/iam/operations/attach-role-policy.ts';
export { VERSIONS_PER_POLICY } from '../../src/services/iam/operations/create-policy-version.ts';
export { ATTACHED_POLICIES_PER_ENTITY } from '../../src/services/iam/identities/identity-attachments.ts';
export { MAX_TAGS } from '../../src/services/iam/shared/tags.ts';
export { DEFAULT_MAX_SESSION_DURATION } from '../../src/services/iam/operations/create-role.ts';
export { INLINE_POLICY_AGGREGATE_LIMITS } from '../../src/policy/policy-kind.ts';
