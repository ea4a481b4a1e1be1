/**
 * eks:UpdateNodegroupVersion `POST /clusters/{name}/node-groups/{nodegroupName}/update-version`
 * (docs/aws-behaviour/eks-clusters-and-lifecycle.md, docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): a VersionUpdate to the cluster's Kubernetes version and an AMI release of it
 * (the newest unless `releaseVersion` names one), or to a new launch template version. Same rules as
 * UpdateNodegroupConfig: ACTIVE node groups only, clientRequestToken retries answer the same update.
 */
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../shared/child-checks.ts';
import { nodegroupNotFound } from '../shared/child-errors.ts';
import { updateToWire } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { invalidParameter, resourceInUse } from '../shared/eks-errors.ts';
import type { NodegroupState } from '../shared/eks-state.ts';
import { delayMs, lifecycleStatus } from '../shared/lifecycle.ts';
import { latestReleaseVersion } from '../nodegroups/nodegroup-defaults.ts';
import { recordUpdate, retriedUpdate } from '../updates/updates.ts';
import type { UpdateNodegroupVersionRequest } from '../../../model-types/eks.ts';

function versionChange(input: UpdateNodegroupVersionRequest, ng: NodegroupState, clusterVersion: string): { params: { type: string; value: string }[]; next: NodegroupState } {
  const fields = { clusterName: input.clusterName, nodegroupName: input.nodegroupName };
  const version = input.version ?? clusterVersion;
  if (version !== clusterVersion) throw invalidParameter(`Requested Nodegroup version ${version} is invalid. Allowed Nodegroup version is ${clusterVersion}`, fields);
  const releaseVersion = input.releaseVersion ?? latestReleaseVersion(version, ng.amiType) ?? '';
  const template = input.launchTemplate;
  if (template && !ng.launchTemplate) throw invalidParameter('A launch template can only be updated on a node group created with one', fields);
  const nextTemplate = template ? { ...ng.launchTemplate, ...template } : ng.launchTemplate;
  const unchanged = version === ng.version && releaseVersion === ng.releaseVersion && JSON.stringify(nextTemplate) === JSON.stringify(ng.launchTemplate);
  if (unchanged) throw invalidParameter(`Nodegroup ${ng.nodegroupName} is already at version ${version} and release version ${releaseVersion}`, fields);
  const params = [{ type: 'Version', value: version }, { type: 'ReleaseVersion', value: releaseVersion }];
  if (template?.name !== undefined) params.push({ type: 'LaunchTemplateName', value: template.name });
  if (template?.id !== undefined) params.push({ type: 'LaunchTemplateId', value: template.id });
  if (template?.version !== undefined) params.push({ type: 'LaunchTemplateVersion', value: template.version });
  return { params, next: { ...ng, version, releaseVersion, ...(nextTemplate ? { launchTemplate: nextTemplate } : {}) } };
}

export const updateNodegroupVersion = defineOperation('eks', 'UpdateNodegroupVersion', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:UpdateNodegroupVersion', 'nodegroup', input.clusterName, input.nodegroupName)],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const scope = `nodegroup/${input.nodegroupName}`;
    const update = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const cluster = await docs.requireCluster(input.clusterName);
      const nodegroup = await docs.get('nodegroup', input.clusterName, input.nodegroupName);
      if (!nodegroup) throw nodegroupNotFound(input.clusterName, input.nodegroupName);
      const retried = await retriedUpdate(docs, { cluster: input.clusterName, scope, token: input.clientRequestToken });
      if (retried) return retried;
      if (lifecycleStatus(nodegroup, now) !== 'ACTIVE') {
        throw resourceInUse('Nodegroup cannot be updated as it is currently not in Active State', { clusterName: input.clusterName, nodegroupName: input.nodegroupName });
      }
      const change = versionChange(input, nodegroup, cluster.version);
      await docs.put('nodegroup', input.clusterName, input.nodegroupName, { ...change.next, modifiedAt: now, updatingUntil: now + delayMs(ctx) });
      return recordUpdate(docs, ctx, { cluster: input.clusterName, scope, type: 'VersionUpdate', params: change.params, token: input.clientRequestToken });
    });
    return { update: updateToWire(update, now) };
  },
});
