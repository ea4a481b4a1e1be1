/**
 * The roles node groups and Fargate profiles are given (docs/aws-behaviour/eks-passed-roles.md): what `iam:PassedToService` the
 * caller's iam:PassRole is checked with, which service principal the role must trust, and the
 * InvalidParameterException EKS answers when it does not.
 *
 * PassedToService is `eks.amazonaws.com` for both: EKS's API is the service the role is passed to, and
 * AWS's own Step Functions policy for eks:createNodegroup allows the node role's PassRole only with
 * `iam:PassedToService = eks.amazonaws.com` (docs.aws.amazon.com/step-functions/latest/dg/eks-iam.html),
 * which could not work if EKS asked with `ec2.amazonaws.com`.
 */
import type { AwsError } from '../../../kernel/aws-error.ts';
import type { EksErrorFields } from './eks-errors.ts';
import { invalidParameter } from './eks-errors.ts';

/** One kind of passed role. */
export interface PassedRole {
  readonly passedToService: string;
  readonly trustedService: string;
  /** How EKS names the request field in its trust error. */
  readonly field: string;
}

/** CreateNodegroup `nodeRole`: the instances' role, so EC2 must be able to assume it. */
export const NODE_ROLE: PassedRole = { passedToService: 'eks.amazonaws.com', trustedService: 'ec2.amazonaws.com', field: 'nodeRole' };

/** CreateFargateProfile `podExecutionRoleArn`: assumed by the Fargate pod infrastructure. */
export const POD_EXECUTION_ROLE: PassedRole = { passedToService: 'eks.amazonaws.com', trustedService: 'eks-fargate-pods.amazonaws.com', field: 'podExecutionRoleArn' };

/** `Following required service principals [<svc>] were not found in the trust relationships of <field> <arn>` (observed for nodeRole). */
export function untrustedRole(role: PassedRole, roleArn: string, fields: EksErrorFields): AwsError {
  return invalidParameter(`Following required service principals [${role.trustedService}] were not found in the trust relationships of ${role.field} ${roleArn}`, fields);
}
