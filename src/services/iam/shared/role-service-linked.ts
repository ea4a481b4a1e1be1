/**
 * The AWS services whose service-linked roles Tollgate can create: role name, AWS managed policy,
 * default description, and whether a CustomSuffix is accepted. Each role lives at
 * `/aws-service-role/<service>/` and trusts only its service.
 * https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 */
import { iamArn } from '../../../kernel/iam-arns.ts';
import { SERVICE_ROLE_PATH_PREFIX } from './role-errors.ts';

/** One service that has a service-linked role. */
export interface ServiceLinkedRoleSpec {
  readonly service: string;
  readonly roleName: string;
  readonly policyArn: string;
  readonly description: string;
  readonly suffixAllowed: boolean;
}

const POLICY = 'arn:aws:iam::aws:policy/aws-service-role/';

/** The known services, by service principal. */
export const SERVICE_LINKED_ROLES: Readonly<Record<string, ServiceLinkedRoleSpec>> = {
  'eks.amazonaws.com': {
    service: 'eks.amazonaws.com', roleName: 'AWSServiceRoleForAmazonEKS', policyArn: `${POLICY}AmazonEKSServiceRolePolicy`,
    description: 'Allows Amazon EKS to call AWS services on your behalf.', suffixAllowed: false,
  },
  'eks-nodegroup.amazonaws.com': {
    service: 'eks-nodegroup.amazonaws.com', roleName: 'AWSServiceRoleForAmazonEKSNodegroup', policyArn: `${POLICY}AWSServiceRoleForAmazonEKSNodegroup`,
    description: 'This policy allows Amazon EKS to create and manage Nodegroups', suffixAllowed: false,
  },
  'eks-fargate.amazonaws.com': {
    service: 'eks-fargate.amazonaws.com', roleName: 'AWSServiceRoleForAmazonEKSForFargate', policyArn: `${POLICY}AmazonEKSForFargateServiceRolePolicy`,
    description: 'This policy grants necessary permissions to Amazon EKS to run fargate tasks', suffixAllowed: false,
  },
  'eks-connector.amazonaws.com': {
    service: 'eks-connector.amazonaws.com', roleName: 'AWSServiceRoleForAmazonEKSConnector', policyArn: `${POLICY}AmazonEKSConnectorServiceRolePolicy`,
    description: 'Allows access to other AWS service resources that are required to connect to external clusters', suffixAllowed: false,
  },
  'autoscaling.amazonaws.com': {
    service: 'autoscaling.amazonaws.com', roleName: 'AWSServiceRoleForAutoScaling', policyArn: `${POLICY}AutoScalingServiceRolePolicy`,
    description: 'Default Service-Linked Role enables access to AWS Services and Resources used or managed by Auto Scaling', suffixAllowed: true,
  },
  'elasticloadbalancing.amazonaws.com': {
    service: 'elasticloadbalancing.amazonaws.com', roleName: 'AWSServiceRoleForElasticLoadBalancing', policyArn: `${POLICY}AWSElasticLoadBalancingServiceRolePolicy`,
    description: 'Allows ELB to call AWS services on your behalf.', suffixAllowed: false,
  },
};

/** The spec of `service`, or undefined when Tollgate does not know it. */
export function serviceLinkedRoleSpec(service: string): ServiceLinkedRoleSpec | undefined {
  return Object.hasOwn(SERVICE_LINKED_ROLES, service) ? SERVICE_LINKED_ROLES[service] : undefined;
}

/** The path of `service`'s service-linked roles. */
export function serviceLinkedRolePath(service: string): string {
  return `${SERVICE_ROLE_PATH_PREFIX}${service}/`;
}

/** The role name with an optional custom suffix (`AWSServiceRoleForAutoScaling_<suffix>`). */
export function serviceLinkedRoleName(spec: ServiceLinkedRoleSpec, suffix: string | undefined): string {
  return suffix === undefined ? spec.roleName : `${spec.roleName}_${suffix}`;
}

/** The ARN CreateServiceLinkedRole is authorized on (IAM-SPEC Appendix A). */
export function serviceLinkedRoleArn(accountId: string, service: string, roleName: string): string {
  return iamArn(accountId, 'role', serviceLinkedRolePath(service), roleName);
}

/** The trust policy of a service-linked role: only its service may assume it. */
export function serviceTrustPolicy(service: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
}
