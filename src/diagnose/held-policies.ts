/**
 * The policies a Tollgate data directory holds for a caller, each with where it lives (inline on the
 * user, a group or the role; a managed policy attached to one of them; the boundary; a role's trust
 * policy; the service control policies of the caller's account), so that a deciding statement can be
 * named and its policy edited. They are compiled exactly
 * as the authorizer compiles them (services/iam/caller-policy-set.ts): an IAM user's inline and
 * attached policies, then each group's, then the boundary; a role's inline, attached and boundary.
 */
import { compilePolicy, validatePolicy, type CompiledPolicy, type DocumentKind, type PolicyKind } from '../policy/index.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import type { PrincipalEntityType } from '../store/iam-records.ts';
import type { StoreSession } from '../store/store.ts';

/** An IAM user, group or role. */
export interface Entity {
  readonly type: PrincipalEntityType;
  readonly name: string;
  readonly id: string;
  readonly accountId: string;
}

/** Where a policy lives. */
export type PolicyOrigin =
  | { readonly type: 'inline'; readonly owner: Entity; readonly name: string }
  | { readonly type: 'managed'; readonly arn: string; readonly aws: boolean; readonly attachedTo: Entity }
  | { readonly type: 'boundary'; readonly arn: string; readonly aws: boolean; readonly of: Entity }
  | { readonly type: 'trust'; readonly role: Entity; readonly roleArn: string }
  | { readonly type: 'scp'; readonly accountId: string; readonly name: string };

/** A policy, its document as IAM shows it, and its compiled form. */
export interface HeldPolicy {
  readonly origin: PolicyOrigin;
  readonly document: string;
  readonly compiled: CompiledPolicy;
}

/** Compiles a stored document (validated when it was written; AWS's own may exceed customer size limits). */
export function compileHeld(document: string, validateAs: DocumentKind, kind: PolicyKind, name: string, arn: string | undefined, orgIdentifier?: string): CompiledPolicy {
  const result = validatePolicy(document, validateAs, { enforceSizeLimit: false });
  if (!result.ok) throw new Error(`policy ${arn ?? name} does not validate: ${result.error.message}`);
  return compilePolicy(result.document, { kind, name, arn, orgIdentifier });
}

/** The display name of a policy: its ARN, or the inline policy's name and owner. */
export function policyLabel(origin: PolicyOrigin): string {
  switch (origin.type) {
    case 'inline': return `inline policy ${origin.name} of IAM ${origin.owner.type} ${origin.owner.name}`;
    case 'managed': return `${origin.aws ? 'AWS' : 'customer'} managed policy ${origin.arn} attached to IAM ${origin.attachedTo.type} ${origin.attachedTo.name}`;
    case 'boundary': return `permissions boundary ${origin.arn} of IAM ${origin.of.type} ${origin.of.name}`;
    case 'trust': return `trust policy of role ${origin.roleArn}`;
    case 'scp': return `service control policy ${origin.name} of account ${origin.accountId}`;
  }
}

async function managedDocument(store: StoreSession, catalog: AwsManagedPolicyCatalog, arn: string): Promise<{ document: string; name: string; aws: boolean } | undefined> {
  const aws = catalog.get(arn);
  if (aws) return { document: aws.document, name: aws.name, aws: true };
  const policy = await store.managedPolicies.get(arn);
  const version = policy && (await store.managedPolicies.getVersion(arn, policy.defaultVersionId));
  return policy && version ? { document: version.document, name: policy.name, aws: false } : undefined;
}

async function entityPolicies(store: StoreSession, catalog: AwsManagedPolicyCatalog, entity: Entity): Promise<HeldPolicy[]> {
  const out: HeldPolicy[] = [];
  for (const inline of await store.inlinePolicies.list(entity.accountId, entity.type, entity.id)) {
    out.push({ origin: { type: 'inline', owner: entity, name: inline.name }, document: inline.document, compiled: compileHeld(inline.document, 'identity-inline', 'identity', inline.name, undefined) });
  }
  for (const attachment of await store.attachments.ofEntity(entity.accountId, entity.type, entity.id)) {
    const found = await managedDocument(store, catalog, attachment.policyArn);
    if (!found) continue;
    out.push({
      origin: { type: 'managed', arn: attachment.policyArn, aws: found.aws, attachedTo: entity },
      document: found.document,
      compiled: compileHeld(found.document, 'identity-inline', 'identity', found.name, attachment.policyArn),
    });
  }
  return out;
}

async function boundary(store: StoreSession, catalog: AwsManagedPolicyCatalog, of: Entity, arn: string | undefined): Promise<HeldPolicy[]> {
  const found = arn === undefined ? undefined : await managedDocument(store, catalog, arn);
  if (!found || arn === undefined) return [];
  return [{ origin: { type: 'boundary', arn, aws: found.aws, of }, document: found.document, compiled: compileHeld(found.document, 'boundary', 'boundary', found.name, arn) }];
}

/** An IAM user's policies: its own, its groups', its boundary. */
export async function userPolicies(store: StoreSession, catalog: AwsManagedPolicyCatalog, user: Entity, boundaryArn: string | undefined): Promise<HeldPolicy[]> {
  const out = await entityPolicies(store, catalog, user);
  for (const group of await store.groups.ofUser(user.accountId, user.id)) {
    out.push(...(await entityPolicies(store, catalog, { type: 'group', name: group.name, id: group.id, accountId: group.accountId })));
  }
  return [...out, ...(await boundary(store, catalog, user, boundaryArn))];
}

/** An IAM role's policies: its own and its boundary. */
export async function rolePolicies(store: StoreSession, catalog: AwsManagedPolicyCatalog, role: Entity, boundaryArn: string | undefined): Promise<HeldPolicy[]> {
  return [...(await entityPolicies(store, catalog, role)), ...(await boundary(store, catalog, role, boundaryArn))];
}

/** An account's service control policies, one organization level named by the account id (as the authorizer compiles them). */
export async function accountScps(store: StoreSession, accountId: string): Promise<HeldPolicy[]> {
  return (await store.serviceControlPolicies.list(accountId)).map((p) => ({
    origin: { type: 'scp', accountId, name: p.name },
    document: p.document,
    compiled: compileHeld(p.document, 'scp', 'scp', p.name, undefined, accountId),
  }));
}
