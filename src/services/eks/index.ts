/** The EKS operations Tollgate implements, by AWS operation name; every other EKS operation answers NotImplementedException. */
import type { OperationTable } from '../operation.ts';
import { associateAccessPolicy } from './operations/associate-access-policy.ts';
import { createAccessEntry } from './operations/create-access-entry.ts';
import { createAddon } from './operations/create-addon.ts';
import { createCluster } from './operations/create-cluster.ts';
import { createFargateProfile } from './operations/create-fargate-profile.ts';
import { createNodegroup } from './operations/create-nodegroup.ts';
import { deleteAccessEntry } from './operations/delete-access-entry.ts';
import { deleteAddon } from './operations/delete-addon.ts';
import { deleteCluster } from './operations/delete-cluster.ts';
import { deleteFargateProfile } from './operations/delete-fargate-profile.ts';
import { deleteNodegroup } from './operations/delete-nodegroup.ts';
import { describeAccessEntry } from './operations/describe-access-entry.ts';
import { describeAddon } from './operations/describe-addon.ts';
import { describeAddonVersions } from './operations/describe-addon-versions.ts';
import { describeCluster } from './operations/describe-cluster.ts';
import { describeFargateProfile } from './operations/describe-fargate-profile.ts';
import { describeNodegroup } from './operations/describe-nodegroup.ts';
import { describeUpdate } from './operations/describe-update.ts';
import { disassociateAccessPolicy } from './operations/disassociate-access-policy.ts';
import { listAccessEntries } from './operations/list-access-entries.ts';
import { listAccessPolicies } from './operations/list-access-policies.ts';
import { listAddons } from './operations/list-addons.ts';
import { listAssociatedAccessPolicies } from './operations/list-associated-access-policies.ts';
import { listClusters } from './operations/list-clusters.ts';
import { listFargateProfiles } from './operations/list-fargate-profiles.ts';
import { listNodegroups } from './operations/list-nodegroups.ts';
import { listTagsForResource } from './operations/list-tags-for-resource.ts';
import { listUpdates } from './operations/list-updates.ts';
import { tagResource } from './operations/tag-resource.ts';
import { untagResource } from './operations/untag-resource.ts';
import { updateAccessEntry } from './operations/update-access-entry.ts';
import { updateAddon } from './operations/update-addon.ts';
import { updateClusterConfig } from './operations/update-cluster-config.ts';
import { updateClusterVersion } from './operations/update-cluster-version.ts';
import { updateNodegroupConfig } from './operations/update-nodegroup-config.ts';
import { updateNodegroupVersion } from './operations/update-nodegroup-version.ts';

export const eksOperations: OperationTable<'eks'> = {
  AssociateAccessPolicy: associateAccessPolicy,
  CreateAccessEntry: createAccessEntry,
  CreateAddon: createAddon,
  CreateCluster: createCluster,
  CreateFargateProfile: createFargateProfile,
  CreateNodegroup: createNodegroup,
  DeleteAccessEntry: deleteAccessEntry,
  DeleteAddon: deleteAddon,
  DeleteCluster: deleteCluster,
  DeleteFargateProfile: deleteFargateProfile,
  DeleteNodegroup: deleteNodegroup,
  DescribeAccessEntry: describeAccessEntry,
  DescribeAddon: describeAddon,
  DescribeAddonVersions: describeAddonVersions,
  DescribeCluster: describeCluster,
  DescribeFargateProfile: describeFargateProfile,
  DescribeNodegroup: describeNodegroup,
  DescribeUpdate: describeUpdate,
  DisassociateAccessPolicy: disassociateAccessPolicy,
  ListAccessEntries: listAccessEntries,
  ListAccessPolicies: listAccessPolicies,
  ListAddons: listAddons,
  ListAssociatedAccessPolicies: listAssociatedAccessPolicies,
  ListClusters: listClusters,
  ListFargateProfiles: listFargateProfiles,
  ListNodegroups: listNodegroups,
  ListTagsForResource: listTagsForResource,
  ListUpdates: listUpdates,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateAccessEntry: updateAccessEntry,
  UpdateAddon: updateAddon,
  UpdateClusterConfig: updateClusterConfig,
  UpdateClusterVersion: updateClusterVersion,
  UpdateNodegroupConfig: updateNodegroupConfig,
  UpdateNodegroupVersion: updateNodegroupVersion,
};
