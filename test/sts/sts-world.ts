// Support of the STS end-to-end tests: a server with an injected clock, the partner account 444455556666
// with its user `partner`, SDK clients whose signing clock follows the server's, and small builders for
// users, roles and policies.
import assert from 'node:assert/strict';
import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { EKSClient } from '@aws-sdk/client-eks';
import { STSClient } from '@aws-sdk/client-sts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createAccount } from '../../src/services/iam/create-account.ts';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID } from '../support/defaults.ts';

/** The fixture's account (the account a server creates on first start), and the partner account. */
export const ACCOUNT = DEFAULT_ACCOUNT_ID;
export const PARTNER = '444455556666';

/** A server, its clock, and the partner account's credentials. */
export interface StsWorld {
  readonly f: TollgateFixture;
  readonly clock: ManualClock;
  readonly partnerRoot: Credentials;
  /** Long-term keys of `arn:aws:iam::444455556666:user/partner`. */
  readonly partner: Credentials;
  iam(credentials?: Credentials): IAMClient;
  sts(credentials?: Credentials): STSClient;
  /** An EKS client for us-west-2. */
  eks(credentials?: Credentials): EKSClient;
  close(): Promise<void>;
}

/** Starts a server at the current time with the partner account and its user `partner`. */
export async function startStsWorld(): Promise<StsWorld> {
  const clock = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
  const f = await startFixture({ clock });
  const account = await createAccount(f.tollgate.runtime, PARTNER);
  const partnerRoot = { accessKeyId: account.AccessKeyId, secretAccessKey: account.SecretAccessKey };
  // The SDK signs with its own clock shifted by this offset, so requests follow the server's clock.
  const common = (credentials: Credentials, region: string) => ({ endpoint: f.url, region, credentials, maxAttempts: 1, systemClockOffset: clock.now() - Date.now() });
  const world: StsWorld = {
    f, clock, partnerRoot, partner: partnerRoot,
    iam: (credentials = f.root) => new IAMClient(common(credentials, 'us-east-1')),
    sts: (credentials = f.root) => new STSClient(common(credentials, 'us-east-1')),
    eks: (credentials = f.root) => new EKSClient(common(credentials, 'us-west-2')),
    close: () => f.close(),
  };
  const partner = await userWithKey(world, partnerRoot, 'partner');
  return { ...world, partner };
}

/** Creates user `name` with an access key, and with inline policy `policy` when given. */
export async function userWithKey(world: Pick<StsWorld, 'iam'>, admin: Credentials, name: string, policy?: string): Promise<Credentials> {
  const iam = world.iam(admin);
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'inline', PolicyDocument: policy }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** Gives user `name` the inline policy `policyName`. */
export async function putUserPolicy(world: Pick<StsWorld, 'iam'>, admin: Credentials, name: string, policyName: string, policy: string): Promise<void> {
  await world.iam(admin).send(new PutUserPolicyCommand({ UserName: name, PolicyName: policyName, PolicyDocument: policy }));
}

/** Attaches the managed policy `arn` to user `name`. */
export async function attachUserPolicy(world: Pick<StsWorld, 'iam'>, admin: Credentials, name: string, arn: string): Promise<void> {
  await world.iam(admin).send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: arn }));
}

/** Creates role `name` in the fixture's account with `trustPolicy` and, when given, inline policy `policy`. */
export async function role(world: Pick<StsWorld, 'iam'>, name: string, trustPolicy: string, policy?: string, extra: { MaxSessionDuration?: number; Tags?: { Key: string; Value: string }[] } = {}): Promise<string> {
  const iam = world.iam();
  const created = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy, ...extra }));
  if (policy) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'permissions', PolicyDocument: policy }));
  return created.Role!.Arn!;
}

/** A trust policy with one statement allowing `actions` to `principal`. */
export function trust(principal: Record<string, string | string[]>, extra: Record<string, unknown> = {}, actions: string | string[] = 'sts:AssumeRole'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: actions, ...extra }] });
}

/** An identity policy allowing `actions` on `resources`. */
export function allow(actions: string | string[], resources: string | string[] = '*', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resources, ...extra }] });
}

/** Temporary credentials of an STS response as SDK credentials. */
export function temporary(credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined): Credentials {
  assert.ok(credentials?.AccessKeyId && credentials.SecretAccessKey && credentials.SessionToken);
  return { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken };
}

/**
 * Asserts that `promise` fails with the error code `code` as sent on the wire (the SDK's `Code` for query
 * services, whose error class may carry a modelled name such as `PackedPolicyTooLargeException`; the
 * error name for EKS), HTTP `status` and exact `message`.
 */
export async function assertAwsError(promise: Promise<unknown>, code: string, status: number, message: string | RegExp): Promise<void> {
  const error = await rejection(promise);
  assert.equal((error as { Code?: string }).Code ?? error.name, code, error.message);
  assert.equal(error.$metadata.httpStatusCode, status);
  if (typeof message === 'string') assert.equal(error.message, message);
  else assert.match(error.message, message);
}
