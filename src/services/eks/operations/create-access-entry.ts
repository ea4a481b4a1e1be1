/**
 * eks:CreateAccessEntry `POST /clusters/{name}/access-entries` (docs/aws-behaviour/eks-access-entries.md, docs/aws-behaviour/eks-authorization.md, docs/aws-behaviour/eks-passed-roles.md). Authorized on
 * the cluster ARN with the cluster's tags, the request's tags and the `eks:` keys of the members the
 * request sets (absent members set no key); an EC2_LINUX / EC2_WINDOWS entry also needs iam:PassRole on
 * its node role, passed to ec2.amazonaws.com. Then: cluster, authentication mode, type, principal,
 * groups, username, tags; one entry per principal (409 unless the same clientRequestToken retries).
 */
import type { ContextInput } from '../../../policy/index.ts';
import { defineOperation, type AuthorizationCheck } from '../../operation.ts';
import { accessEntryInUse } from '../access-entries/access-entry-errors.ts';
import { requireAccessEntryCluster } from '../access-entries/access-entry-lookup.ts';
import { createAccessEntryState } from '../access-entries/access-entry-state.ts';
import { checkGroups, checkPrincipal, checkType, checkUsername } from '../access-entries/access-entry-validation.ts';
import { accessEntryToWire } from '../access-entries/access-entry-wire.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { invalidParameter } from '../shared/eks-errors.ts';
import { passExistingRoleCheck } from '../shared/role-checks.ts';
import { requestTagContext, tagProblem } from '../tags/tag-context.ts';
import type { CreateAccessEntryRequest } from '../../../model-types/eks.ts';

/** The `eks:` request keys of the members present. */
function entryContext(input: CreateAccessEntryRequest): Record<string, ContextInput> {
  return {
    'eks:principalArn': input.principalArn,
    ...(input.type === undefined ? {} : { 'eks:accessEntryType': input.type }),
    ...(input.kubernetesGroups === undefined ? {} : { 'eks:kubernetesGroups': [...input.kubernetesGroups] }),
    ...(input.username === undefined ? {} : { 'eks:username': input.username }),
  };
}

export const createAccessEntry = defineOperation('eks', 'CreateAccessEntry', {
  authorize: async (input, ctx) => {
    const checks: AuthorizationCheck[] = [await clusterCheck(ctx, 'eks:CreateAccessEntry', input.clusterName, { ...requestTagContext(input.tags), ...entryContext(input) })];
    // EC2 node entries let instances with the role join the cluster: EKS treats that as passing the role to EC2 (https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html).
    if (input.type === 'EC2_LINUX' || input.type === 'EC2_WINDOWS') checks.push(await passExistingRoleCheck(ctx, input.principalArn, 'ec2.amazonaws.com'));
    return checks;
  },
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const name = input.clusterName;
    const docs = new EksDocuments(ctx);
    await requireAccessEntryCluster(docs, name);
    const existing = await docs.get('accessentry', name, input.principalArn);
    if (existing && input.clientRequestToken !== undefined && existing.clientRequestToken === input.clientRequestToken) return { accessEntry: accessEntryToWire(existing) };
    const type = checkType(name, input.type);
    await checkPrincipal(ctx, name, input.principalArn, type);
    checkGroups(name, type, input.kubernetesGroups);
    checkUsername(name, type, input.username);
    const problem = tagProblem(input.tags ?? {});
    if (problem) throw invalidParameter(problem, { clusterName: name });
    if (existing) throw accessEntryInUse(name);
    const entry = {
      ...createAccessEntryState(ctx, name, { principalArn: input.principalArn, type, kubernetesGroups: input.kubernetesGroups ?? [], username: input.username, tags: input.tags ?? {} }, now),
      clientRequestToken: input.clientRequestToken,
    };
    await ctx.store.transaction(async (tx) => {
      const inTx = docs.within(tx);
      await requireAccessEntryCluster(inTx, name);
      if (await inTx.get('accessentry', name, input.principalArn)) throw accessEntryInUse(name);
      await inTx.put('accessentry', name, input.principalArn, entry);
    });
    return { accessEntry: accessEntryToWire(entry) };
  },
});
