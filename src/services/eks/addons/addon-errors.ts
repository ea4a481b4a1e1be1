/**
 * The add-on errors (docs/aws-behaviour/error-shapes.md, docs/aws-behaviour/eks-node-groups-add-ons-fargate.md) with the texts AWS answers. Observed in real-AWS output quoted
 * in public issues: `Addon already exists.` (409), `Addon version specified is not supported` (400),
 * `Addon <name> specified is not supported in <k8s> kubernetes version` (400), `Addon <name> cannot be
 * updated as it is currently in UPDATING state` (409). The not-found text is inferred from the other EKS not-found texts (not recorded from AWS).
 */
import type { AwsError } from '../../../kernel/aws-error.ts';
import { invalidParameter, resourceInUse, resourceNotFound } from '../shared/eks-errors.ts';

/** The body members that name the add-on. */
function fields(cluster: string, addon: string): { clusterName: string; addonName: string } {
  return { clusterName: cluster, addonName: addon };
}

/** 404 `No addon: <addon> found in cluster: <cluster>`. */
export function addonNotFound(cluster: string, addon: string): AwsError {
  return resourceNotFound(`No addon: ${addon} found in cluster: ${cluster}`, fields(cluster, addon));
}

/** 409 `Addon already exists.` */
export function addonExists(cluster: string, addon: string): AwsError {
  return resourceInUse('Addon already exists.', fields(cluster, addon));
}

/** 400 for a name the catalogue lacks for the cluster's Kubernetes version. */
export function addonUnsupported(cluster: string, addon: string, kubernetesVersion: string): AwsError {
  return invalidParameter(`Addon ${addon} specified is not supported in ${kubernetesVersion} kubernetes version`, fields(cluster, addon));
}

/** 400 for a version that does not exist or does not run on the cluster's Kubernetes version. */
export function addonVersionUnsupported(cluster: string, addon: string): AwsError {
  return invalidParameter('Addon version specified is not supported', fields(cluster, addon));
}

/** 409 while the add-on is not ACTIVE (`... currently in <STATUS> state`). */
export function addonNotUpdatable(cluster: string, addon: string, status: string): AwsError {
  return resourceInUse(`Addon ${addon} cannot be updated as it is currently in ${status} state`, fields(cluster, addon));
}
