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

export const eksOperations: OperationTable = {
  CreateCluster: createCluster,
  DescribeCluster: describeCluster,
  ListClusters: listClusters,
  DeleteCluster: deleteCluster,
  UpdateClusterConfig: updateClusterConfig,
  UpdateClusterVersion: updateClusterVersion,
  DescribeUpdate: describeUpdate,
  ListUpdates: listUpdates,
};
