/**
 * eks:UpdateClusterVersion `POST /clusters/{name}/updates` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): one minor version up at a
 * time, node groups first on the cluster's version; a VersionUpdate that sets the new version and
 * its current platform version.
 */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { updateToWire } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { invalidParameter, invalidRequest } from '../shared/eks-errors.ts';
import { kubernetesVersion, minorOf } from '../clusters/eks-versions.ts';
import { delayMs, lifecycleStatus } from '../shared/lifecycle.ts';
import { assertNoUpdateInProgress, recordUpdate, retriedUpdate } from '../updates/updates.ts';

export const updateClusterVersion = defineOperation('eks', 'UpdateClusterVersion', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:UpdateClusterVersion', input.name, { 'eks:kubernetesVersion': input.version })],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const fields = { clusterName: input.name };
    const update = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const cluster = await docs.requireCluster(input.name);
      const retried = await retriedUpdate(docs, { cluster: input.name, scope: 'cluster', token: input.clientRequestToken });
      if (retried) return retried;
      const request = { cluster: input.name, scope: 'cluster', type: 'VersionUpdate', params: [] as { type: string; value: string }[], token: input.clientRequestToken };
      await assertNoUpdateInProgress(docs, ctx, request, fields);
      const status = lifecycleStatus(cluster, now);
      if (status === 'CREATING' || status === 'DELETING') throw invalidRequest(`Cluster '${input.name}' is not in ACTIVE status`, fields);
      const target = kubernetesVersion(input.version);
      if (!target) throw invalidParameter(`unsupported Kubernetes version ${input.version}`, fields);
      if (minorOf(input.version) !== minorOf(cluster.version) + 1) {
        throw invalidParameter(`Unsupported Kubernetes minor version update from ${cluster.version} to ${input.version}`, fields);
      }
      const behind = (await docs.list('nodegroup', input.name)).find((n) => n.version !== cluster.version);
      if (behind) throw invalidRequest(`Nodegroup ${behind.nodegroupName} must be updated to match cluster version ${cluster.version} before updating cluster version`, fields);
      request.params.push({ type: 'Version', value: target.version }, { type: 'PlatformVersion', value: target.platformVersion });
      await docs.put('cluster', input.name, input.name, { ...cluster, version: target.version, platformVersion: target.platformVersion, updatingUntil: now + delayMs(ctx) });
      return recordUpdate(docs, ctx, request);
    });
    return { update: updateToWire(update, now) };
  },
});
