/** The EKS operations Tollgate implements (issue #4); every other EKS operation answers NotImplementedException. */
import type { OperationTable } from '../operation.ts';
import { createCluster } from './operations/create-cluster.ts';
import { deleteCluster } from './operations/delete-cluster.ts';
import { describeCluster } from './operations/describe-cluster.ts';
import { describeUpdate } from './operations/describe-update.ts';
import { listClusters } from './operations/list-clusters.ts';
import { listUpdates } from './operations/list-updates.ts';
import { updateClusterConfig } from './operations/update-cluster-config.ts';
import { updateClusterVersion } from './operations/update-cluster-version.ts';
import { createNodegroup } from './operations/create-nodegroup.ts';
import { describeNodegroup } from './operations/describe-nodegroup.ts';
import { listNodegroups } from './operations/list-nodegroups.ts';
import { deleteNodegroup } from './operations/delete-nodegroup.ts';
import { updateNodegroupConfig } from './operations/update-nodegroup-config.ts';
import { updateNodegroupVersion } from './operations/update-nodegroup-version.ts';
import { createFargateProfile } from './operations/create-fargate-profile.ts';
import { describeFargateProfile } from './operations/describe-fargate-profile.ts';
import { listFargateProfiles } from './operations/list-fargate-profiles.ts';
import { deleteFargateProfile } from './operations/delete-fargate-profile.ts';
import { createAddon } from './operations/create-addon.ts';
import { describeAddon } from './operations/describe-addon.ts';
import { listAddons } from './operations/list-addons.ts';
import { deleteAddon } from './operations/delete-addon.ts';
import { updateAddon } from './operations/update-addon.ts';
import { describeAddonVersions } from './operations/describe-addon-versions.ts';
import { createAccessEntry } from './operations/create-access-entry.ts';
import { describeAccessEntry } from './operations/describe-access-entry.ts';
import { listAccessEntries } from './operations/list-access-entries.ts';
import { updateAccessEntry } from './operations/update-access-entry.ts';
import { deleteAccessEntry } from './operations/delete-access-entry.ts';
import { associateAccessPolicy } from './operations/associate-access-policy.ts';
import { disassociateAccessPolicy } from './operations/disassociate-access-policy.ts';
import { listAssociatedAccessPolicies } from './operations/list-associated-access-policies.ts';
import { listAccessPolicies } from './operations/list-access-policies.ts';
import { tagResource } from './operations/tag-resource.ts';
import { untagResource } from './operations/untag-resource.ts';
import { listTagsForResource } from './operations/list-tags-for-resource.ts';

export const eksOperations: OperationTable = {
  CreateCluster: createCluster,
  DescribeCluster: describeCluster,
  ListClusters: listClusters,
  DeleteCluster: deleteCluster,
  UpdateClusterConfig: updateClusterConfig,
  UpdateClusterVersion: updateClusterVersion,
  DescribeUpdate: describeUpdate,
  ListUpdates: listUpdates,
  CreateNodegroup: createNodegroup,
  DescribeNodegroup: describeNodegroup,
  ListNodegroups: listNodegroups,
  DeleteNodegroup: deleteNodegroup,
  UpdateNodegroupConfig: updateNodegroupConfig,
  UpdateNodegroupVersion: updateNodegroupVersion,
  CreateFargateProfile: createFargateProfile,
  DescribeFargateProfile: describeFargateProfile,
  ListFargateProfiles: listFargateProfiles,
  DeleteFargateProfile: deleteFargateProfile,
  CreateAddon: createAddon,
  DescribeAddon: describeAddon,
  ListAddons: listAddons,
  DeleteAddon: deleteAddon,
  UpdateAddon: updateAddon,
  DescribeAddonVersions: describeAddonVersions,
  CreateAccessEntry: createAccessEntry,
  DescribeAccessEntry: describeAccessEntry,
  ListAccessEntries: listAccessEntries,
  UpdateAccessEntry: updateAccessEntry,
  DeleteAccessEntry: deleteAccessEntry,
  AssociateAccessPolicy: associateAccessPolicy,
  DisassociateAccessPolicy: disassociateAccessPolicy,
  ListAssociatedAccessPolicies: listAssociatedAccessPolicies,
  ListAccessPolicies: listAccessPolicies,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
