/**
 * The policies that decide a caller's requests (IAM-SPEC §5.1): for an IAM user its inline and attached
 * policies, those of each of its groups, and its permissions boundary. Documents compile once per
 * version through the PolicyCache.
 */
import { createHash } from 'node:crypto';
import { compilePolicy, PolicySet, validatePolicy, type CompiledPolicy, type PolicyCache, type PolicyKind, type RequestPrincipal } from '../../policy/index.ts';
import type { PrincipalEntityType } from '../../store/iam-records.ts';
import type { StoreSession } from '../../store/store.ts';
import type { AwsManagedPolicyCatalog } from './aws-managed-policy-catalog.ts';

/** What loading needs. */
export interface PolicySources {
  readonly store: StoreSession;
  readonly catalog: AwsManagedPolicyCatalog;
  readonly cache: PolicyCache;
}

/** The caller's policy set; root and callers unknown to IAM have none (root is not limited by policies). */
export async function loadCallerPolicySet(principal: RequestPrincipal, sources: PolicySources): Promise<PolicySet> {
  if (principal.type !== 'User' || principal.uniqueId === undefined) return new PolicySet({});
  const user = await sources.store.users.getById(principal.accountId, principal.uniqueId);
  if (!user) return new PolicySet({});
  const identity = await entityPolicies(sources, user.accountId, 'user', user.id);
  for (const group of await sources.store.groups.ofUser(user.accountId, user.id)) {
    identity.push(...(await entityPolicies(sources, user.accountId, 'group', group.id)));
  }
  const boundary = user.permissionsBoundaryArn ? await managedPolicy(sources, user.permissionsBoundaryArn, 'boundary') : undefined;
  return new PolicySet({ identity, boundary: boundary ? [boundary] : [] });
}

/** The inline and attached managed policies of a user, group or role, compiled. */
export async function entityPolicies(sources: PolicySources, accountId: string, type: PrincipalEntityType, id: string): Promise<CompiledPolicy[]> {
  const out: CompiledPolicy[] = [];
  for (const inline of await sources.store.inlinePolicies.list(accountId, type, id)) {
    const key = `inline:${type}:${id}:${inline.name}:${createHash('sha256').update(inline.document).digest('base64')}`;
    const compiled = compileStored(sources, key, inline.document, 'identity', inline.name, undefined);
    if (compiled) out.push(compiled);
  }
  for (const attachment of await sources.store.attachments.ofEntity(accountId, type, id)) {
    const compiled = await managedPolicy(sources, attachment.policyArn, 'identity');
    if (compiled) out.push(compiled);
  }
  return out;
}

/** A managed policy's default version, compiled as `kind`; undefined when it no longer exists. */
export async function managedPolicy(sources: PolicySources, arn: string, kind: PolicyKind): Promise<CompiledPolicy | undefined> {
  const aws = sources.catalog.get(arn);
  if (aws) return compileStored(sources, `${kind}:${arn}#${aws.defaultVersionId}`, aws.document, kind, aws.name, arn);
  const policy = await sources.store.managedPolicies.get(arn);
  if (!policy) return undefined;
  const version = await sources.store.managedPolicies.getVersion(arn, policy.defaultVersionId);
  if (!version) return undefined;
  return compileStored(sources, `${kind}:${arn}#${version.versionId}`, version.document, kind, policy.name, arn);
}

function compileStored(sources: PolicySources, key: string, document: string, kind: PolicyKind, name: string, arn: string | undefined): CompiledPolicy | undefined {
  return sources.cache.compiled(key, () => {
    // Stored documents were validated when written; AWS's own may exceed customer size limits.
    const result = validatePolicy(document, kind === 'boundary' ? 'boundary' : 'identity-inline', { enforceSizeLimit: false });
    if (!result.ok) throw new Error(`stored policy ${arn ?? name} no longer validates: ${result.error.message}`);
    return compilePolicy(result.document, { kind, name, arn });
  });
}
