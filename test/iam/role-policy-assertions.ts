// Helpers of the role and managed-policy end-to-end tests: AWS error assertions, trust and identity
// policy documents, IAM users with keys, and a second account for quota tests.
import assert from 'node:assert/strict';
import { CreateAccessKeyCommand, CreateUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { createAccount } from '../../src/services/iam/create-account.ts';
import { rejection, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID } from '../support/defaults.ts';

/** The fixture's account: the account a server creates on first start. */
export const ACCOUNT = DEFAULT_ACCOUNT_ID;

/** What an AWS error must look like: SDK name, wire code (default: name without `Exception`), HTTP status, exact message. */
export interface ExpectedError {
  readonly name: string;
  readonly code?: string;
  readonly status: number;
  readonly message: string | RegExp;
}

/** Asserts that `promise` fails with exactly `expected`. */
export async function assertAwsError(promise: Promise<unknown>, expected: ExpectedError): Promise<void> {
  const error = await rejection(promise) as Awaited<ReturnType<typeof rejection>> & { Code?: string };
  assert.equal(error.name, expected.name);
  assert.equal(error.Code, expected.code ?? expected.name.replace(/Exception$/, ''));
  assert.equal(error.$metadata.httpStatusCode, expected.status);
  if (typeof expected.message === 'string') assert.equal(error.message, expected.message);
  else assert.match(error.message, expected.message);
}

/** A trust policy letting `principal` assume the role. */
export function trust(principal: Record<string, string | string[]> | '*', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }] });
}

/** The trust policy EKS cluster roles carry. */
export const EKS_TRUST = trust({ Service: 'eks.amazonaws.com' });

/** An identity policy allowing `actions` on `resources`. */
export function allow(actions: string | string[], resources: string | string[] = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }] });
}

/** A compact identity policy document of exactly `size` characters (IAM's count, whitespace excluded). */
export function documentOfSize(size: number): string {
  const make = (sid: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  return make('S'.repeat(size - make('').length));
}

/** Creates the IAM user `name` (as root) with one access key, and returns the key. */
export async function userWithKey(iam: IAMClient, name: string): Promise<Credentials> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/** A further account on the fixture's server, and its root credentials. */
export async function otherAccount(f: TollgateFixture, id: string): Promise<Credentials> {
  const account = await createAccount(f.tollgate.runtime, id);
  return { accessKeyId: account.AccessKeyId, secretAccessKey: account.SecretAccessKey };
}

/** The AccessDenied text for an IAM user of ACCOUNT whose identity policies allow nothing matching. */
export function deniedMessage(userName: string, action: string, resource: string): string {
  return `User: arn:aws:iam::${ACCOUNT}:user/${userName} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
