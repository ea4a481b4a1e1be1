/**
 * The errors of the access-entry operations (docs/aws-behaviour/eks-access-entries.md), with the texts AWS answers: each was seen
 * in real AWS output quoted in public issues, except where a comment says otherwise.
 */
import type { AwsError } from '../../../kernel/aws-error.ts';
import { invalidParameter, invalidRequest, resourceInUse, resourceNotFound } from '../shared/eks-errors.ts';
import type { ClusterState } from '../shared/eks-state.ts';

/** Access entries exist only on clusters that authenticate through them: 400 InvalidRequestException. */
export function assertAccessEntriesEnabled(cluster: ClusterState): void {
  if (cluster.accessConfig.authenticationMode === 'API' || cluster.accessConfig.authenticationMode === 'API_AND_CONFIG_MAP') return;
  throw invalidRequest("The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.", { clusterName: cluster.name });
}

/** 404 for a principal with no entry in the cluster. */
export function accessEntryNotFound(cluster: string): AwsError {
  return resourceNotFound("The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.", { clusterName: cluster });
}

/** 409 for a second entry of the same principal. */
export function accessEntryInUse(cluster: string): AwsError {
  return resourceInUse('The specified access entry resource is already in use on this cluster.', { clusterName: cluster });
}

/** 400 for a principal ARN that is not an existing IAM user or role EKS accepts. */
export function invalidPrincipal(cluster: string): AwsError {
  return invalidParameter('The specified principalArn is invalid: invalid principal.', { clusterName: cluster });
}

/** 400 for a service-linked role as principal (terraform-provider-aws #36447). */
export function serviceLinkedPrincipal(cluster: string): AwsError {
  return invalidParameter('The caller is not allowed to modify access entries with a principalArn value of a Service Linked Role', { clusterName: cluster });
}

/** 400 InvalidRequestException: access policies only go with STANDARD entries (aws-controllers-k8s #2144). */
export function notStandardEntry(cluster: string): AwsError {
  return invalidRequest('This operation can only be performed on Access Entries with a type of "STANDARD".', { clusterName: cluster });
}
