/** Shared setup of the EKS end-to-end tests: the cluster and node roles EKS expects, through the IAM API. */
import { CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam';

/** Trust policy letting `service` assume a role. */
export function trustFor(service: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
}

/** Creates role `name` trusting `service`; returns its ARN. */
export async function createServiceRole(iam: IAMClient, name: string, service: string): Promise<string> {
  const out = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustFor(service) }));
  return out.Role!.Arn!;
}

/** The VPC configuration of the tests' clusters. */
export const VPC = { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] };
