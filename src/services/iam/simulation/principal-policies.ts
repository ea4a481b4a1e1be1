/**
 * The policies SimulatePrincipalPolicy and GetContextKeysForPrincipalPolicy read for `PolicySourceArn`:
 * a user's inline and attached policies and those of each of its groups, a group's or a role's own, and
 * the permissions boundary of a user or role. Each is named as the simulator reports it: an inline policy
 * by its name with the type of its owner (`user`, `group`, `role`), a managed policy by its name with
 * `aws-managed` or `user-managed`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import type { OperationContext } from '../../operation.ts';
import { simulatedPolicy, type SimulatedPolicy, type SourcePolicyType } from '../../../simulator/simulated-policy.ts';
import type { PrincipalEntityType } from '../../../store/iam-records.ts';
import { missing, noSuchEntity } from '../shared/iam-errors.ts';
import type { EntityArn } from './simulation-caller.ts';
import { excluded, type PolicyExclusion } from './policy-exclusions.ts';

/** The policies of one entity. */
export interface PrincipalPolicies {
  readonly identity: SimulatedPolicy[];
  /** The permissions boundary, when the entity has one. */
  readonly boundary: SimulatedPolicy[];
}

/** One stored policy before it is read. */
interface Found {
  readonly name: string;
  readonly type: SourcePolicyType;
  readonly text: string;
  readonly arn?: string;
  /** For inline policies: the owner. */
  readonly owner?: { readonly type: PrincipalEntityType; readonly name: string };
}

/** Loads the policies of `entity`, which must exist in the requester's account; `exclusions` are left out. */
export async function principalPolicies(ctx: OperationContext, entity: EntityArn, exclusions: readonly PolicyExclusion[] = []): Promise<PrincipalPolicies> {
  const { store } = ctx;
  if (entity.accountId !== ctx.caller.accountId) throw noSuchEntity(`The ${entity.type} with name ${entity.name} cannot be found.`);
  const found: Found[] = [];
  let boundaryArn: string | undefined;
  const own = async (type: PrincipalEntityType, id: string, name: string) => {
    for (const p of await store.inlinePolicies.list(entity.accountId, type, id)) found.push({ name: p.name, type, text: p.document, owner: { type, name } });
    for (const a of await store.attachments.ofEntity(entity.accountId, type, id)) {
      const managed = await managedPolicy(ctx, a.policyArn);
      if (managed) found.push(managed);
    }
  };
  if (entity.type === 'user') {
    const user = await store.users.get(entity.accountId, entity.name);
    if (!user) throw missing.user(entity.name);
    await own('user', user.id, user.name);
    for (const group of await store.groups.ofUser(user.accountId, user.id)) await own('group', group.id, group.name);
    boundaryArn = user.permissionsBoundaryArn;
  } else if (entity.type === 'group') {
    const group = await store.groups.get(entity.accountId, entity.name);
    if (!group) throw missing.group(entity.name);
    await own('group', group.id, group.name);
  } else {
    const role = await store.roles.get(entity.accountId, entity.name);
    if (!role) throw missing.role(entity.name);
    await own('role', role.id, role.name);
    boundaryArn = role.permissionsBoundaryArn;
  }
  const identity = found
    .filter((f) => !excluded(exclusions, { kind: f.owner ? 'inline' : f.type === 'aws-managed' ? 'aws-managed' : 'user-managed', arn: f.arn, inline: f.owner ? { policyName: f.name, ...f.owner } : undefined }))
    .map((f) => simulatedPolicy({ id: f.name, type: f.type, text: f.text, kind: 'identity', arn: f.arn }));
  const boundaryPolicy = boundaryArn ? await managedPolicy(ctx, boundaryArn) : undefined;
  const keepBoundary = boundaryPolicy && !excluded(exclusions, { kind: 'permission-boundary', arn: boundaryPolicy.arn, inline: undefined });
  const boundary = keepBoundary ? [simulatedPolicy({ id: boundaryPolicy.name, type: boundaryPolicy.type, text: boundaryPolicy.text, kind: 'boundary', arn: boundaryPolicy.arn })] : [];
  return { identity, boundary };
}

/** A managed policy's default version; undefined when it no longer exists. */
async function managedPolicy(ctx: OperationContext, arn: string): Promise<Found | undefined> {
  const aws = ctx.managedPolicies.get(arn);
  if (aws) return { name: aws.name, type: 'aws-managed', text: aws.document, arn };
  const policy = await ctx.store.managedPolicies.get(arn);
  if (!policy) return undefined;
  const version = await ctx.store.managedPolicies.getVersion(arn, policy.defaultVersionId);
  return version ? { name: policy.name, type: 'user-managed', text: version.document, arn } : undefined;
}
