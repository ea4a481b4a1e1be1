/** The `AccessEntry` and `AssociatedAccessPolicy` objects as EKS answers them (docs/aws-behaviour/eks-access-entries.md; AWS CLI examples). */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import type { AccessEntryState, AssociationState } from '../shared/eks-state.ts';

/** An access entry. */
export function accessEntryToWire(entry: AccessEntryState): WireStructure {
  return {
    clusterName: entry.clusterName,
    principalArn: entry.principalArn,
    kubernetesGroups: [...entry.kubernetesGroups],
    accessEntryArn: entry.arn,
    createdAt: new Date(entry.createdAt),
    modifiedAt: new Date(entry.modifiedAt),
    tags: { ...entry.tags },
    username: entry.username,
    type: entry.type,
  };
}

/** An associated access policy; a cluster scope answers `namespaces: []` as the CLI example shows. */
export function associationToWire(association: AssociationState): WireStructure {
  return {
    policyArn: association.policyArn,
    accessScope: { type: association.accessScope.type, namespaces: [...association.accessScope.namespaces] },
    associatedAt: new Date(association.associatedAt),
    modifiedAt: new Date(association.modifiedAt),
  };
}
