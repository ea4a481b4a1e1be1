// The IAM policy simulator with the real AWS CLI: `aws iam simulate-principal-policy`,
// `simulate-custom-policy`, `get-context-keys-for-principal-policy` and `get-context-keys-for-custom-policy`
// against a Tollgate server, with the inputs of AWS's own CLI examples. The CLI is an outside client
// (requireClient: skipped loudly when absent, failing under TOLLGATE_REQUIRE_INTEROP=1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { runAwsCli } from '../support/aws-cli.ts';
import { requireClient } from '../support/interop.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';

let f: TollgateFixture;
before(async () => {
  f = await startFixture();
  const iam = f.iam();
  await iam.send(new CreateUserCommand({ UserName: 'alejandro' }));
  await iam.send(new PutUserPolicyCommand({
    UserName: 'alejandro', PolicyName: 'Grant-Access-To-CodeCommit-ListRepo',
    PolicyDocument: '{\n    "Version": "2012-10-17",\n    "Statement": {\n        "Effect": "Allow",\n        "Action": "codecommit:ListRepositories",\n        "Resource": "*"\n    }\n}',
  }));
});
after(() => f.close());

async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const result = await runAwsCli(f.url, f.root, 'us-east-1', 'iam', ...args);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const DYNAMO = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}';

test('aws iam simulate-custom-policy: the allowed and denied results of AWS CLI examples, with their positions', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const allowed = await aws('simulate-custom-policy', '--policy-input-list', DYNAMO, '--action-names', 'dynamodb:CreateBackup',
    '--context-entries', "ContextKeyName='aws:CurrentTime',ContextKeyValues='2019-04-25T11:00:00Z',ContextKeyType=date");
  assert.deepEqual(allowed, {
    EvaluationResults: [{
      EvalActionName: 'dynamodb:CreateBackup', EvalResourceName: '*', EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 167 } }],
      MissingContextValues: [],
    }],
  });
  const denied = await aws('simulate-custom-policy', '--policy-input-list', DYNAMO, '--action-names', 'dynamodb:CreateBackup',
    '--context-entries', "ContextKeyName='aws:CurrentTime',ContextKeyValues='2014-04-25T11:00:00Z',ContextKeyType=date");
  assert.deepEqual(denied['EvaluationResults'], [{ EvalActionName: 'dynamodb:CreateBackup', EvalResourceName: '*', EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] }]);
});

test('aws iam simulate-principal-policy: the user\'s policy with its name and the statement\'s lines and columns', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const out = await aws('simulate-principal-policy', '--policy-source-arn', 'arn:aws:iam::111122223333:user/alejandro', '--action-names', 'codecommit:ListRepositories', 'codecommit:DeleteRepository');
  const results = out['EvaluationResults'] as Record<string, unknown>[];
  assert.deepEqual(results[0], {
    EvalActionName: 'codecommit:ListRepositories', EvalResourceName: '*', EvalDecision: 'allowed',
    MatchedStatements: [{ SourcePolicyId: 'Grant-Access-To-CodeCommit-ListRepo', SourcePolicyType: 'user', StartPosition: { Line: 3, Column: 19 }, EndPosition: { Line: 7, Column: 6 } }],
    MissingContextValues: [],
  });
  assert.equal(results[1]!['EvalDecision'], 'implicitDeny');
});

test('aws iam simulate-principal-policy pages by MaxItems (--page-size) and the CLI follows Marker to the end', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const out = await aws('simulate-principal-policy', '--policy-source-arn', 'arn:aws:iam::111122223333:user/alejandro',
    '--action-names', 'codecommit:ListRepositories', 'codecommit:GetRepository', 'codecommit:DeleteRepository', '--page-size', '1');
  assert.deepEqual((out['EvaluationResults'] as Record<string, unknown>[]).map((r) => r['EvalActionName']), ['codecommit:ListRepositories', 'codecommit:GetRepository', 'codecommit:DeleteRepository']);
});

test('aws iam get-context-keys-for-custom-policy and get-context-keys-for-principal-policy', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const custom = await aws('get-context-keys-for-custom-policy', '--policy-input-list',
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}');
  assert.deepEqual(custom, { ContextKeyNames: ['aws:username', 'aws:CurrentTime'] });
  const principal = await aws('get-context-keys-for-principal-policy', '--policy-source-arn', 'arn:aws:iam::111122223333:user/alejandro', '--policy-input-list', DYNAMO);
  assert.deepEqual(principal, { ContextKeyNames: ['aws:CurrentTime'] });
});

test('errors as the CLI prints them', async (t) => {
  if (!(await requireClient(t, 'aws-cli'))) return;
  const result = await runAwsCli(f.url, f.root, 'us-east-1', 'iam', 'simulate-principal-policy', '--policy-source-arn', 'arn:aws:iam::111122223333:user/nobody', '--action-names', 'iam:GetUser');
  assert.notEqual(result.status, 0);
  assert.equal(result.stderr, 'An error occurred (NoSuchEntity) when calling the SimulatePrincipalPolicy operation: The user with name nobody cannot be found.');
});
