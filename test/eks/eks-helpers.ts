/** Shared setup of the EKS end-to-end tests: the cluster and node roles EKS expects, through the IAM API. */
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { Credentials } from '../support/tollgate-fixture.ts';

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

/** Sets the inline policy `p` of user `name` to `statements`. */
export function putPolicy(iam: IAMClient, name: string, statements: object[]): Promise<unknown> {
  return iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
}

/** Creates user `name` with an access key and the inline policy `statements`; returns the key. */
export async function userWithPolicy(iam: IAMClient, name: string, statements: object[]): Promise<Credentials> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  await putPolicy(iam, name, statements);
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}
