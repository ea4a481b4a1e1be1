/**
 * eks:UpdateClusterConfig `POST /clusters/{name}/update-config` (docs/aws-behaviour/eks-clusters-and-lifecycle.md): exactly one kind of
 * change (endpoint access, VPC, logging, access config, upgrade policy), refused when it changes
 * nothing or while another update runs; the cluster is UPDATING until the update ends.
 */
import { defineOperation } from '../../operation.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { clusterConfigContext } from '../clusters/cluster-context.ts';
import { updateToWire } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { invalidParameter, invalidRequest } from '../shared/eks-errors.ts';
import type { ClusterState } from '../shared/eks-state.ts';
import { delayMs, lifecycleStatus } from '../shared/lifecycle.ts';
import { assertNoUpdateInProgress, recordUpdate, retriedUpdate } from '../updates/updates.ts';
import type { UpdateClusterConfigRequest } from '../../../model-types/eks.ts';

interface Change {
  readonly type: string;
  readonly params: { type: string; value: string }[];
  readonly apply: (cluster: ClusterState) => ClusterState;
}

const MODES = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'];

function changes(input: UpdateClusterConfigRequest, cluster: ClusterState): Change[] {
  const out: Change[] = [];
  const vpc = input.resourcesVpcConfig;
  const current = cluster.resourcesVpcConfig;
  if (vpc && (vpc.endpointPublicAccess !== undefined || vpc.endpointPrivateAccess !== undefined || vpc.publicAccessCidrs !== undefined)) {
    const next = {
      endpointPublicAccess: vpc.endpointPublicAccess ?? current.endpointPublicAccess,
      endpointPrivateAccess: vpc.endpointPrivateAccess ?? current.endpointPrivateAccess,
      publicAccessCidrs: [...(vpc.publicAccessCidrs ?? current.publicAccessCidrs)],
    };
    if (next.endpointPublicAccess === current.endpointPublicAccess && next.endpointPrivateAccess === current.endpointPrivateAccess && next.publicAccessCidrs.join() === current.publicAccessCidrs.join()) {
      throw invalidParameter(`Cluster is already at the desired configuration with endpointPrivateAccess: ${next.endpointPrivateAccess} , endpointPublicAccess: ${next.endpointPublicAccess}, and Public Endpoint Restrictions: [${next.publicAccessCidrs.join(', ')}]`, { clusterName: cluster.name });
    }
    out.push({
      type: 'EndpointAccessUpdate',
      params: [
        { type: 'EndpointPublicAccess', value: String(next.endpointPublicAccess) },
        { type: 'EndpointPrivateAccess', value: String(next.endpointPrivateAccess) },
        { type: 'PublicAccessCidrs', value: JSON.stringify(next.publicAccessCidrs) },
      ],
      apply: (c) => ({ ...c, resourcesVpcConfig: { ...c.resourcesVpcConfig, ...next } }),
    });
  }
  if (vpc && (vpc.subnetIds !== undefined || vpc.securityGroupIds !== undefined)) {
    const subnets = [...(vpc.subnetIds ?? current.subnetIds)];
    const groups = [...(vpc.securityGroupIds ?? current.securityGroupIds)];
    out.push({
      type: 'VpcConfigUpdate',
      params: [{ type: 'Subnets', value: JSON.stringify(subnets) }, { type: 'SecurityGroups', value: JSON.stringify(groups) }],
      apply: (c) => ({ ...c, resourcesVpcConfig: { ...c.resourcesVpcConfig, subnetIds: subnets, securityGroupIds: groups } }),
    });
  }
  if (input.logging?.clusterLogging) {
    const logging = { clusterLogging: input.logging.clusterLogging.map((l) => ({ types: [...(l.types ?? [])], enabled: l.enabled ?? false })) };
    out.push({ type: 'LoggingUpdate', params: [{ type: 'ClusterLogging', value: JSON.stringify(logging) }], apply: (c) => ({ ...c, logging }) });
  }
  const mode = input.accessConfig?.authenticationMode;
  if (mode !== undefined) {
    const from = cluster.accessConfig.authenticationMode;
    if (MODES.indexOf(mode) <= MODES.indexOf(from)) throw invalidParameter(`Unsupported authentication mode update from ${from} to ${mode}`, { clusterName: cluster.name });
    out.push({ type: 'AccessConfigUpdate', params: [{ type: 'AuthenticationMode', value: mode }], apply: (c) => ({ ...c, accessConfig: { ...c.accessConfig, authenticationMode: mode } }) });
  }
  const support = input.upgradePolicy?.supportType;
  if (support !== undefined) {
    out.push({ type: 'UpgradePolicyUpdate', params: [{ type: 'UpgradePolicy', value: JSON.stringify({ supportType: support }) }], apply: (c) => ({ ...c, upgradePolicy: { supportType: support } }) });
  }
  return out;
}

export const updateClusterConfig = defineOperation('eks', 'UpdateClusterConfig', {
  authorize: async (input, ctx) => [await clusterCheck(ctx, 'eks:UpdateClusterConfig', input.name, clusterConfigContext(input))],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const update = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const cluster = await docs.requireCluster(input.name);
      const retried = await retriedUpdate(docs, { cluster: input.name, scope: 'cluster', token: input.clientRequestToken });
      if (retried) return retried;
      const status = lifecycleStatus(cluster, now);
      if (status === 'CREATING' || status === 'DELETING') throw invalidRequest(`Cluster '${input.name}' is not in ACTIVE status`, { clusterName: input.name });
      const found = changes(input, cluster);
      if (found.length !== 1) throw invalidParameter(found.length === 0 ? 'No changes needed' : 'Only one type of update can be allowed.', { clusterName: input.name });
      const change = found[0]!;
      const request = { cluster: input.name, scope: 'cluster', type: change.type, params: change.params, token: input.clientRequestToken };
      await assertNoUpdateInProgress(docs, ctx, request, { clusterName: input.name });
      await docs.put('cluster', input.name, input.name, { ...change.apply(cluster), updatingUntil: now + delayMs(ctx) });
      return recordUpdate(docs, ctx, request);
    });
    return { update: updateToWire(update, now) };
  },
});
