/**
 * The policies that decide a caller's requests (docs/aws-behaviour/iam-policy-evaluation.md): for an IAM user its inline and attached
 * policies, those of each of its groups, and its permissions boundary; for a role session the role's
 * policies and boundary with the session policies; for a federated user the IAM user's policies with
 * the session policies (none passed: no permissions). Documents compile once through the PolicyCache,
 * which keeps them by their whole source. The account's service control policies, when it has any,
 * limit every caller of the account (services/shared/service-control-policies.ts).
 */
import { compilePolicy, PolicySet, type CompiledPolicy, type PolicyCache, type PolicyKind, type PolicySetInput, type RequestPrincipal } from '../../policy/index.ts';
import type { PrincipalEntityType } from '../../store/iam-records.ts';
import type { StsSessionRecord } from '../../store/session-records.ts';
import type { StoreSession } from '../../store/store.ts';
import { scpLevels } from '../shared/service-control-policies.ts';
import type { AwsManagedPolicyCatalog } from './aws-managed-policy-catalog.ts';

/** What loading needs. */
export interface PolicySources {
  readonly store: StoreSession;
  readonly catalog: AwsManagedPolicyCatalog;
  readonly cache: PolicyCache;
}

/**
 * The caller's policy set: its identity-side policies (root and callers unknown to IAM have none: root is
 * limited by no IAM policy) and its account's service control policies.
 * `session` is the record of the caller's temporary credentials, if it uses some.
 */
export async function loadCallerPolicySet(principal: RequestPrincipal, sources: PolicySources, session?: StsSessionRecord): Promise<PolicySet> {
  const input = await ownPolicies(principal, sources, session);
  // The service control policies of the caller's account (the engine leaves out service-linked roles).
  const scp = 'accountId' in principal ? await scpLevels(sources.store, sources.cache, principal.accountId) : [];
  return new PolicySet(scp.length > 0 ? { ...input, scp } : input);
}

/** The caller's identity-side policies: its own, its boundary and its session's. */
async function ownPolicies(principal: RequestPrincipal, sources: PolicySources, session: StsSessionRecord | undefined): Promise<PolicySetInput> {
  if (principal.type === 'AssumedRole' && principal.roleUniqueId !== undefined) {
    const role = await sources.store.roles.getById(principal.accountId, principal.roleUniqueId);
    if (!role) return {};
    const identity = await entityPolicies(sources, role.accountId, 'role', role.id);
    const boundary = role.permissionsBoundaryArn ? await managedPolicy(sources, role.permissionsBoundaryArn, 'boundary') : undefined;
    return { identity, boundary: boundary ? [boundary] : [], session: session ? await sessionPolicies(sources, session) : [] };
  }
  if (principal.type === 'FederatedUser' && session) {
    const passed = await sessionPolicies(sources, session);
    // A federated user without session policies has no permissions (docs/aws-behaviour/sts-sessions.md): an empty session
    // policy, so that a denial says no session policy allows the action.
    const policies = passed.length > 0 ? passed : [emptyPolicy('session', 'no-session-policy')];
    if (session.principalId === undefined) return { identity: [rootEquivalent(sources)], session: policies };
    const user = await userPolicySet(sources, principal.accountId, session.principalId);
    return { ...user, session: policies };
  }
  if (principal.type !== 'User' || principal.uniqueId === undefined) return {};
  const user = await userPolicySet(sources, principal.accountId, principal.uniqueId);
  // A console session limited to changing the password (server/console-session.ts) has a session policy.
  return session?.policy !== undefined ? { ...user, session: await sessionPolicies(sources, session) } : user;
}

async function userPolicySet(sources: PolicySources, accountId: string, userId: string): Promise<PolicySetInput> {
  const user = await sources.store.users.getById(accountId, userId);
  if (!user) return {};
  const identity = await entityPolicies(sources, user.accountId, 'user', user.id);
  for (const group of await sources.store.groups.ofUser(user.accountId, user.id)) {
    identity.push(...(await entityPolicies(sources, user.accountId, 'group', group.id)));
  }
  const boundary = user.permissionsBoundaryArn ? await managedPolicy(sources, user.permissionsBoundaryArn, 'boundary') : undefined;
  return { identity, boundary: boundary ? [boundary] : [] };
}

/**
 * The session policies of temporary credentials: the inline `Policy`, then each of `PolicyArns`. A
 * managed session policy deleted since grants nothing (it stays in the set, empty, so that the
 * session is never left unrestricted).
 */
export async function sessionPolicies(sources: PolicySources, session: StsSessionRecord): Promise<CompiledPolicy[]> {
  const out: CompiledPolicy[] = [];
  if (session.policy !== undefined) out.push(sources.cache.compiled({ kind: 'session', name: 'session-policy', arn: undefined, document: session.policy }));
  for (const arn of session.policyArns) {
    out.push((await managedPolicy(sources, arn, 'session')) ?? emptyPolicy('session', arn, arn));
  }
  return out;
}

/** A policy that grants nothing. */
function emptyPolicy(kind: PolicyKind, name: string, arn?: string): CompiledPolicy {
  return compilePolicy({ version: '2012-10-17', id: undefined, statements: [] }, { kind, name, arn });
}

const ROOT_EQUIVALENT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

/** What the root user's identity amounts to, for federated users the root user created. */
function rootEquivalent(sources: PolicySources): CompiledPolicy {
  return sources.cache.compiled({ kind: 'identity', name: 'root', arn: undefined, document: ROOT_EQUIVALENT });
}

/** The inline and attached managed policies of a user, group or role, compiled. */
export async function entityPolicies(sources: PolicySources, accountId: string, type: PrincipalEntityType, id: string): Promise<CompiledPolicy[]> {
  const out: CompiledPolicy[] = [];
  for (const inline of await sources.store.inlinePolicies.list(accountId, type, id)) {
    out.push(sources.cache.compiled({ kind: 'identity', name: inline.name, arn: undefined, document: inline.document }));
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
  if (aws) return sources.cache.compiled({ kind, name: aws.name, arn, document: aws.document });
  const policy = await sources.store.managedPolicies.get(arn);
  if (!policy) return undefined;
  const version = await sources.store.managedPolicies.getVersion(arn, policy.defaultVersionId);
  if (!version) return undefined;
  return sources.cache.compiled({ kind, name: policy.name, arn, document: version.document });
}
