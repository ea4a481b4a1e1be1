// Helpers of the IAM identity end-to-end tests: AWS error assertions, seeding quotas through the
// store, and the credentials of a freshly created IAM user.
import assert from 'node:assert/strict';
import { CreateAccessKeyCommand, CreateUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { iamArn } from '../../src/kernel/iam-arns.ts';
import { rejection, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID } from '../support/defaults.ts';

/** The test account: the account a server creates on first start. */
export const ACCOUNT = DEFAULT_ACCOUNT_ID;

/** Asserts that `promise` fails with AWS's error: SDK name, wire code, HTTP status and exact message. */
export async function assertAwsError(promise: Promise<unknown>, expected: { name: string; code?: string; status: number; message: string | RegExp }): Promise<void> {
  const error = await rejection(promise) as Awaited<ReturnType<typeof rejection>> & { Code?: string };
  assert.equal(error.name, expected.name);
  assert.equal(error.Code, expected.code ?? expected.name.replace(/Exception$/, ''));
  assert.equal(error.$metadata.httpStatusCode, expected.status);
  if (typeof expected.message === 'string') assert.equal(error.message, expected.message);
  else assert.match(error.message, expected.message);
}

/** The AccessDenied message for an IAM user lacking any identity-based Allow. */
export function deniedMessage(userName: string, action: string, resource: string): string {
  return `User: arn:aws:iam::${ACCOUNT}:user/${userName} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

/** Creates the user `name` (root) with one access key, and returns the key. */
export async function userWithKey(iam: IAMClient, name: string): Promise<Credentials> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

/** Inserts `count` users named `<prefix><n>` straight into the store (for quotas in the thousands). */
export async function seedUsers(f: TollgateFixture, prefix: string, count: number): Promise<void> {
  const store = f.tollgate.runtime.store;
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const name = `${prefix}${i}`;
      await tx.users.insert({
        accountId: ACCOUNT, id: `AIDASEED${String(i).padStart(13, '0')}`, name, path: '/seed/', arn: iamArn(ACCOUNT, 'user', '/seed/', name),
        createdAt: new Date(), permissionsBoundaryArn: undefined, tags: [],
      });
    }
  });
}

/** Waits until `check` passes (for writes made off the request path), or fails after `ms`. */
export async function eventually(check: () => Promise<void>, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Inserts a customer managed policy straight into the store (CreatePolicy belongs to another module); returns its ARN. */
export async function seedCustomerPolicy(f: TollgateFixture, name: string, document: string, path = '/'): Promise<string> {
  const arn = iamArn(ACCOUNT, 'policy', path, name);
  const now = new Date();
  await f.tollgate.runtime.store.managedPolicies.insert(
    { accountId: ACCOUNT, id: `ANPA${name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(17, '0').slice(0, 17)}`, name, path, arn, description: undefined, defaultVersionId: 'v1', createdAt: now, updatedAt: now, tags: [], nextVersion: 2 },
    { policyArn: arn, versionId: 'v1', document, createdAt: now },
  );
  return arn;
}

/** A policy document allowing `actions` on `resources`, with an optional condition block. */
export function allow(actions: string | string[], resources: string | string[] = '*', condition?: Record<string, Record<string, string | string[]>>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resources, ...(condition ? { Condition: condition } : {}) }] });
}
