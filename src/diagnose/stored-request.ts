/**
 * The denied request rebuilt against a Tollgate data directory: the caller as the store knows it (an
 * IAM user, or a role for a role session), its policies and its account's SCPs, the trust policy of a role being assumed, and
 * the condition keys the text implies (the caller's and resource's tags, `iam:PassedToService`, the
 * Region of the resource, the time) as the server's authorizer would set them.
 */
import { AuthorizationRequest, compilePolicy, principalFromArn, validatePolicy, type ContextInput, type RequestPrincipal } from '../policy/index.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import { trustPolicyFromStore } from '../services/iam/roles/role-trust-policy.ts';
import { resourceTagKeys } from '../services/shared/iam-resource-tags.ts';
import type { RoleRecord, Tag } from '../store/iam-records.ts';
import type { StoreSession } from '../store/store.ts';
import type { DeniedRequest } from './denied-request.ts';
import { accountScps, rolePolicies, userPolicies, type Entity, type HeldPolicy } from './held-policies.ts';
import type { PassedTo } from './passed-to-service.ts';

/** The rebuilt request, or why it could not be rebuilt. */
export type StoredRequest =
  | { readonly ok: true; readonly caller: Entity; readonly request: AuthorizationRequest; readonly policies: readonly HeldPolicy[] }
  | { readonly ok: false; readonly why: string };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;

function principalTags(tags: readonly Tag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [`aws:PrincipalTag/${t.key}`, t.value]));
}

/** The role a role ARN names, if the store holds it. */
export async function storedRole(store: StoreSession, arn: string): Promise<RoleRecord | undefined> {
  const m = ROLE_ARN.exec(arn);
  const role = m ? await store.roles.get(m[1]!, m[2]!) : undefined;
  return role && role.arn === arn ? role : undefined;
}

/** The service principals a trust policy lets call sts:AssumeRole (the services a role is made for). */
export function trustedServices(trustPolicy: string): string[] {
  const parsed = validatePolicy(trustPolicy, 'trust', { enforceSizeLimit: false });
  if (!parsed.ok) return [];
  const services = parsed.document.statements.filter((s) => s.effect === 'Allow' && s.principal && !s.principal.wildcard).flatMap((s) => (s.principal && !s.principal.wildcard ? s.principal.Service : []));
  return [...new Set(services)];
}

/** The service a role stored in the data directory is meant for, from its trust policy. */
export async function passedToByTrust(store: StoreSession, roleArn: string | null): Promise<PassedTo | undefined> {
  const role = roleArn ? await storedRole(store, roleArn) : undefined;
  const services = role ? trustedServices(role.trustPolicy) : [];
  if (services.length !== 1) return undefined;
  return { service: services[0]!, source: 'trust policy', because: `the role's trust policy lets ${services[0]!} assume it` };
}

async function caller(store: StoreSession, catalog: AwsManagedPolicyCatalog, req: DeniedRequest): Promise<{ entity: Entity; principal: RequestPrincipal; policies: HeldPolicy[]; tags: readonly Tag[] } | string> {
  const p = req.principal;
  const printed = req.denial.principal ?? '';
  if (!p || p.account === null || p.name === null) return 'the denial does not name a caller of a known account';
  if (p.type === 'IAMUser') {
    const user = await store.users.get(p.account, p.name);
    if (!user) return `the data directory holds no IAM user ${p.name} in account ${p.account}`;
    const entity: Entity = { type: 'user', name: user.name, id: user.id, accountId: user.accountId };
    return { entity, tags: user.tags, principal: { type: 'User', accountId: user.accountId, arn: user.arn, name: user.name, uniqueId: user.id }, policies: await userPolicies(store, catalog, entity, user.permissionsBoundaryArn) };
  }
  if (p.type === 'AssumedRole' || p.type === 'Role') {
    const role = await store.roles.get(p.account, p.name);
    if (!role) return `the data directory holds no IAM role ${p.name} in account ${p.account}`;
    const entity: Entity = { type: 'role', name: role.name, id: role.id, accountId: role.accountId };
    const sessionArn = p.type === 'AssumedRole' ? printed : `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/session`;
    const session = principalFromArn(sessionArn, role.arn);
    if (session?.type !== 'AssumedRole') return `\`${printed}\` is not a role session ARN`;
    // Session policies are not named by the denial text, so the role's own policies decide.
    return { entity, tags: role.tags, principal: { ...session, roleUniqueId: role.id }, policies: await rolePolicies(store, catalog, entity, role.permissionsBoundaryArn) };
  }
  return `diagnose reads the policies of IAM users and roles; ${printed} is ${p.type ?? 'unknown'}`;
}

/** Rebuilds the denied request against the data directory. */
export async function storedRequest(store: StoreSession, catalog: AwsManagedPolicyCatalog, req: DeniedRequest, now: Date): Promise<StoredRequest> {
  const d = req.denial;
  if (d.action === null) return { ok: false, why: 'the denial does not name the action' };
  const found = await caller(store, catalog, req);
  if (typeof found === 'string') return { ok: false, why: found };
  const context: Record<string, ContextInput> = {
    ...principalTags(found.tags),
    'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
    'aws:SecureTransport': true,
    'aws:ViaAWSService': false,
  };
  const region = req.policyResource.startsWith('arn:') ? req.policyResource.split(':')[3] : undefined;
  if (region) context['aws:RequestedRegion'] = region;
  // The caller's account's service control policies decide too (none: unrestricted).
  const policies = [...found.policies, ...(await accountScps(store, found.entity.accountId))];
  const action = d.action.toLowerCase();
  const role = action === 'iam:passrole' || action.startsWith('sts:assumerole') ? await storedRole(store, req.policyResource) : undefined;
  if (action === 'iam:passrole') {
    if (req.passedTo) context['iam:PassedToService'] = req.passedTo.service;
    if (role) Object.assign(context, resourceTagKeys(role.tags));
  }
  if (action === 'sts:assumerole' && role) {
    for (const tag of role.tags) context[`iam:ResourceTag/${tag.key}`] = tag.value;
    const document = await trustPolicyFromStore(store, role.accountId, role.trustPolicy);
    const validated = validatePolicy(role.trustPolicy, 'trust', { enforceSizeLimit: false });
    if (validated.ok) {
      const compiled = compilePolicy(validated.document, { kind: 'trust', name: `role/${role.name}` });
      policies.push({ origin: { type: 'trust', role: { type: 'role', name: role.name, id: role.id, accountId: role.accountId }, roleArn: role.arn }, document, compiled });
    }
  }
  const resourceAccount = req.resourceAccount ?? undefined;
  const request = new AuthorizationRequest({ principal: found.principal, action: d.action, resource: req.policyResource, resourceAccount, context });
  return { ok: true, caller: found.entity, request, policies };
}
