/**
 * The `Nodegroup` object as EKS answers it (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md; AWS CLI create-nodegroup examples): members
 * the node group does not have (labels, taints, remote access, launch template) are left out rather
 * than sent empty, and `resources` appears once the Auto Scaling group exists, i.e. after CREATING.
 */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import type { NodegroupState } from '../shared/eks-state.ts';
import { lifecycleStatus } from '../shared/lifecycle.ts';

/** A node group at `now`. */
export function nodegroupToWire(ng: NodegroupState, now: number): WireStructure {
  const status = lifecycleStatus(ng, now);
  const remoteAccess = ng.remoteAccess;
  return {
    nodegroupName: ng.nodegroupName,
    nodegroupArn: ng.arn,
    clusterName: ng.clusterName,
    version: ng.version,
    ...(ng.releaseVersion === '' ? {} : { releaseVersion: ng.releaseVersion }),
    createdAt: new Date(ng.createdAt),
    modifiedAt: new Date(ng.modifiedAt),
    status: status === 'GONE' ? 'DELETING' : status,
    capacityType: ng.capacityType,
    scalingConfig: { ...ng.scalingConfig },
    ...(ng.instanceTypes === undefined ? {} : { instanceTypes: [...ng.instanceTypes] }),
    subnets: [...ng.subnets],
    ...(remoteAccess === undefined ? {} : {
      remoteAccess: {
        ...(remoteAccess.ec2SshKey === undefined ? {} : { ec2SshKey: remoteAccess.ec2SshKey }),
        ...(remoteAccess.sourceSecurityGroups === undefined ? {} : { sourceSecurityGroups: [...remoteAccess.sourceSecurityGroups] }),
      },
    }),
    amiType: ng.amiType,
    nodeRole: ng.nodeRole,
    ...(Object.keys(ng.labels).length === 0 ? {} : { labels: { ...ng.labels } }),
    ...(ng.taints.length === 0 ? {} : { taints: ng.taints.map((t) => ({ key: t.key, ...(t.value === undefined ? {} : { value: t.value }), effect: t.effect })) }),
    ...(status === 'CREATING' ? {} : {
      resources: {
        autoScalingGroups: [{ name: ng.autoScalingGroupName }],
        ...(ng.remoteAccessSecurityGroup === undefined ? {} : { remoteAccessSecurityGroup: ng.remoteAccessSecurityGroup }),
      },
    }),
    ...(ng.diskSize === undefined ? {} : { diskSize: ng.diskSize }),
    health: { issues: [] },
    updateConfig: {
      ...(ng.updateConfig.maxUnavailable === undefined ? {} : { maxUnavailable: ng.updateConfig.maxUnavailable }),
      ...(ng.updateConfig.maxUnavailablePercentage === undefined ? {} : { maxUnavailablePercentage: ng.updateConfig.maxUnavailablePercentage }),
    },
    ...(ng.launchTemplate === undefined ? {} : { launchTemplate: { ...ng.launchTemplate } }),
    tags: { ...ng.tags },
  };
}
