/** The `Addon` object as EKS answers it (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md; AWS CLI describe-addon output). */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import type { AddonState } from '../shared/eks-state.ts';
import { lifecycleStatus } from '../shared/lifecycle.ts';

/** An add-on at `now`; optional members only when set, as AWS omits them. */
export function addonToWire(addon: AddonState, now: number): WireStructure {
  const status = lifecycleStatus(addon, now);
  return {
    addonName: addon.addonName,
    clusterName: addon.clusterName,
    // A deletion that finished between the read and now still answers DELETING.
    status: status === 'GONE' ? 'DELETING' : status,
    addonVersion: addon.addonVersion,
    health: { issues: [] },
    addonArn: addon.arn,
    createdAt: new Date(addon.createdAt),
    modifiedAt: new Date(addon.modifiedAt),
    ...(addon.serviceAccountRoleArn === undefined ? {} : { serviceAccountRoleArn: addon.serviceAccountRoleArn }),
    tags: { ...addon.tags },
    publisher: addon.publisher,
    owner: addon.owner,
    ...(addon.configurationValues === undefined ? {} : { configurationValues: addon.configurationValues }),
  };
}
