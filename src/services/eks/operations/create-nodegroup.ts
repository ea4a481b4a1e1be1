/**
 * eks:CreateNodegroup `POST /clusters/{name}/node-groups` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md, docs/aws-behaviour/eks-authorization.md, docs/aws-behaviour/eks-passed-roles.md). Authorized on the
 * cluster ARN (the node group's does not exist yet) with the request's tags and the cluster's tags;
 * iam:PassRole on `nodeRole`; iam:CreateServiceLinkedRole while AWSServiceRoleForAmazonEKSNodegroup is
 * missing. Then, in AWS's order: cluster exists, name free (409, unless the same clientRequestToken
 * retries), cluster ACTIVE, the request's own rules, the node role's trust of ec2.amazonaws.com.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { defineOperation } from '../../operation.ts';
import { assertClusterActive } from '../shared/child-errors.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { childArn } from '../shared/eks-arns.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { invalidParameter, resourceInUse } from '../shared/eks-errors.ts';
import type { ClusterState, NodegroupState } from '../shared/eks-state.ts';
import { delayMs } from '../shared/lifecycle.ts';
import { ensureNodeAccessEntry } from '../access-entries/node-access-entries.ts';
import { DEFAULT_INSTANCE_TYPES, DEFAULT_SCALING, DEFAULT_UPDATE_CONFIG, defaultAmiType, defaultDiskSize, latestReleaseVersion } from '../nodegroups/nodegroup-defaults.ts';
import { checkCreateScaling, checkLaunchTemplate, checkUpdateConfig } from '../nodegroups/nodegroup-validation.ts';
import { nodegroupToWire } from '../nodegroups/nodegroup-wire.ts';
import { NODE_ROLE, untrustedRole } from '../shared/passed-roles.ts';
import { ensureServiceLinkedRole, passExistingRoleCheck, roleTrustsService, serviceLinkedRoleChecks } from '../shared/role-checks.ts';
import { requestTagContext } from '../tags/tag-context.ts';
import { updatesOf } from '../updates/updates.ts';
import type { CreateNodegroupRequest } from '../../../model-types/eks.ts';

/** The service whose service-linked role manages node groups. */
const NODEGROUP_SERVICE = 'eks-nodegroup.amazonaws.com';

function validate(input: CreateNodegroupRequest, cluster: ClusterState): void {
  const fields = { clusterName: input.clusterName, nodegroupName: input.nodegroupName };
  if (input.subnets.length === 0) throw invalidParameter('Subnets are required', fields);
  if (input.version !== undefined && input.version !== cluster.version) {
    throw invalidParameter(`Requested Nodegroup version ${input.version} is invalid. Allowed Nodegroup version is ${cluster.version}`, fields);
  }
  checkLaunchTemplate(input, fields);
  const scaling = { ...DEFAULT_SCALING, ...input.scalingConfig };
  checkCreateScaling(scaling, fields);
  checkUpdateConfig(input.updateConfig, scaling.maxSize, fields);
  for (const taint of input.taints ?? []) {
    if (taint.key === undefined || taint.effect === undefined) throw invalidParameter('Taint key and effect are required', fields);
  }
}

function buildState(input: CreateNodegroupRequest, cluster: ClusterState, region: string, accountId: string, now: number, delay: number): NodegroupState {
  const uuid = randomUUID();
  const amiType = input.amiType ?? defaultAmiType(cluster.version);
  const template = input.launchTemplate;
  const remoteAccess = input.remoteAccess;
  return {
    nodegroupName: input.nodegroupName,
    arn: childArn('nodegroup', region, accountId, cluster.name, input.nodegroupName, uuid),
    clusterName: cluster.name,
    createdAt: now,
    modifiedAt: now,
    readyAt: now + delay,
    version: cluster.version,
    releaseVersion: input.releaseVersion ?? latestReleaseVersion(cluster.version, amiType) ?? '',
    capacityType: input.capacityType ?? 'ON_DEMAND',
    scalingConfig: { ...DEFAULT_SCALING, ...input.scalingConfig },
    // A launch template may name the instance type and disk itself; EKS then reports neither.
    instanceTypes: input.instanceTypes ? [...input.instanceTypes] : template ? undefined : DEFAULT_INSTANCE_TYPES,
    diskSize: template ? undefined : input.diskSize ?? defaultDiskSize(amiType),
    subnets: [...input.subnets],
    amiType,
    nodeRole: input.nodeRole,
    labels: { ...input.labels },
    taints: (input.taints ?? []).map((t) => ({ key: t.key!, ...(t.value === undefined ? {} : { value: t.value }), effect: t.effect! })),
    updateConfig: input.updateConfig ? { ...input.updateConfig } : DEFAULT_UPDATE_CONFIG,
    autoScalingGroupName: `eks-${input.nodegroupName}-${uuid}`,
    ...(remoteAccess ? { remoteAccess: { ...remoteAccess } } : {}),
    // Without source security groups EKS opens SSH through a security group of its own.
    ...(remoteAccess && !remoteAccess.sourceSecurityGroups?.length ? { remoteAccessSecurityGroup: `sg-${randomBytes(9).toString('hex').slice(0, 17)}` } : {}),
    ...(template ? { launchTemplate: { ...template, version: template.version ?? '1' } } : {}),
    tags: { ...input.tags },
    clientRequestToken: input.clientRequestToken,
  };
}

/** 409 `NodeGroup already exists with name <ng> and cluster name <cluster>`. */
function duplicate(input: CreateNodegroupRequest): Error {
  return resourceInUse(`NodeGroup already exists with name ${input.nodegroupName} and cluster name ${input.clusterName}`, { clusterName: input.clusterName, nodegroupName: input.nodegroupName });
}

export const createNodegroup = defineOperation('eks', 'CreateNodegroup', {
  authorize: async (input, ctx) => [
    await clusterCheck(ctx, 'eks:CreateNodegroup', input.clusterName, requestTagContext(input.tags)),
    await passExistingRoleCheck(ctx, input.nodeRole, NODE_ROLE.passedToService),
    ...(await serviceLinkedRoleChecks(ctx, NODEGROUP_SERVICE)),
  ],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const fields = { clusterName: input.clusterName, nodegroupName: input.nodegroupName };
    const docs = new EksDocuments(ctx);
    const cluster = await docs.requireCluster(input.clusterName);
    const existing = await docs.get('nodegroup', input.clusterName, input.nodegroupName);
    if (existing) {
      if (input.clientRequestToken !== undefined && existing.clientRequestToken === input.clientRequestToken) return { nodegroup: nodegroupToWire(existing, now) };
      throw duplicate(input);
    }
    assertClusterActive(cluster, now);
    validate(input, cluster);
    if (!(await roleTrustsService(ctx, input.nodeRole, NODE_ROLE.trustedService))) throw untrustedRole(NODE_ROLE, input.nodeRole, fields);
    const nodegroup = buildState(input, cluster, ctx.region, ctx.caller.accountId, now, delayMs(ctx));
    await ctx.store.transaction(async (tx) => {
      const inTx = docs.within(tx);
      if (await inTx.get('nodegroup', cluster.name, input.nodegroupName)) throw duplicate(input);
      // Updates of an earlier node group of the same name are not this one's.
      for (const old of await updatesOf(inTx, cluster.name, `nodegroup/${input.nodegroupName}`)) await inTx.delete('update', cluster.name, old.id);
      await inTx.put('nodegroup', cluster.name, nodegroup.nodegroupName, nodegroup);
      await ensureServiceLinkedRole(ctx, tx, NODEGROUP_SERVICE);
      await ensureNodeAccessEntry(ctx, inTx, cluster, input.nodeRole, nodegroup.amiType.startsWith('WINDOWS_') ? 'EC2_WINDOWS' : 'EC2_LINUX', now);
    });
    return { nodegroup: nodegroupToWire(nodegroup, now) };
  },
});
