// Compiled policies are kept by their whole source (policy/policy-cache.ts). A managed policy deleted and
// created again under the same name has the same ARN and version id (v1) as the one before; the caller's
// decisions must follow the new document, never the compiled form of the old one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, DeletePolicyCommand, DetachUserPolicyCommand, GetUserCommand,
} from '@aws-sdk/client-iam';
import { rejection, startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
let alice: Credentials;

const policy = (effect: 'Allow' | 'Deny') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: 'iam:GetUser', Resource: '*' }] });
const getUser = () => f.iam(alice).send(new GetUserCommand({ UserName: 'alice' }));

before(async () => {
  f = await startFixture();
  await f.iam().send(new CreateUserCommand({ UserName: 'alice' }));
  const key = (await f.iam().send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
  alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
});
after(() => f.close());

test('a managed policy deleted and created again under its name is decided by its new document', async () => {
  const create = async (effect: 'Allow' | 'Deny') => (await f.iam().send(new CreatePolicyCommand({ PolicyName: 'Recreated', PolicyDocument: policy(effect) }))).Policy!;
  const first = await create('Allow');
  assert.equal(first.DefaultVersionId, 'v1');
  await f.iam().send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: first.Arn! }));
  await getUser();
  await f.iam().send(new DetachUserPolicyCommand({ UserName: 'alice', PolicyArn: first.Arn! }));
  await f.iam().send(new DeletePolicyCommand({ PolicyArn: first.Arn! }));
  const second = await create('Deny');
  assert.deepEqual([second.Arn, second.DefaultVersionId], [first.Arn, 'v1']);
  await f.iam().send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: second.Arn! }));
  const denied = await rejection(getUser());
  assert.equal(denied.name, 'AccessDenied');
  assert.match(denied.message, /with an explicit deny in an identity-based policy/);
  await f.iam().send(new DetachUserPolicyCommand({ UserName: 'alice', PolicyArn: second.Arn! }));
  await f.iam().send(new DeletePolicyCommand({ PolicyArn: second.Arn! }));
});
