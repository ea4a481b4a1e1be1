/**
 * AWS's EKS access policies (docs/aws-behaviour/eks-access-entries.md, docs/aws-behaviour/eks-kubernetes-authorization.md): the 19 that `aws eks list-access-policies` answers in
 * the AWS CLI's own example, plus the four the user guide documents since. They are AWS-owned, so every
 * account and Region sees the same list; ARNs have no Region or account.
 */
import { accessPolicyArn } from '../shared/eks-arns.ts';

/** The policy names, in the order ListAccessPolicies answers them (by name). */
const NAMES: readonly string[] = [
  'AmazonAIOpsAssistantPolicy',
  'AmazonARCRegionSwitchScalingPolicy',
  'AmazonEKSAdminPolicy',
  'AmazonEKSAdminViewPolicy',
  'AmazonEKSAutoNodePolicy',
  'AmazonEKSBlockStorageClusterPolicy',
  'AmazonEKSBlockStoragePolicy',
  'AmazonEKSClusterAdminPolicy',
  'AmazonEKSClusterInsightsPolicy',
  'AmazonEKSComputeClusterPolicy',
  'AmazonEKSComputePolicy',
  'AmazonEKSEditPolicy',
  'AmazonEKSHybridPolicy',
  'AmazonEKSLoadBalancingClusterPolicy',
  'AmazonEKSLoadBalancingPolicy',
  'AmazonEKSNetworkingClusterPolicy',
  'AmazonEKSNetworkingPolicy',
  'AmazonEKSSecretReaderPolicy',
  'AmazonEKSViewPolicy',
  'AmazonEMRJobPolicy',
  'AmazonSagemakerHyperpodClusterPolicy',
  'AmazonSagemakerHyperpodControllerPolicy',
  'AmazonSagemakerHyperpodSystemNamespacePolicy',
];

/** One access policy as ListAccessPolicies shapes it. */
export interface AccessPolicy {
  readonly name: string;
  readonly arn: string;
}

/** Every access policy, by name. */
export const ACCESS_POLICIES: readonly AccessPolicy[] = NAMES.map((name) => ({ name, arn: accessPolicyArn(name) }));

const BY_ARN: ReadonlyMap<string, AccessPolicy> = new Map(ACCESS_POLICIES.map((p) => [p.arn, p]));

/** The access policy with this ARN, or undefined. */
export function accessPolicy(arn: string): AccessPolicy | undefined {
  return BY_ARN.get(arn);
}
