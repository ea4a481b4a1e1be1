// Policy validation: IAM's exact messages per validation step, in the order IAM checks them
// (docs/aws-behaviour/iam-policy-language.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePolicy } from './validate-policy.ts';
import type { DocumentKind } from './policy-kind.ts';

const allow = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: '*', ...extra });
const doc = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const trustStatement = { Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' };

type Row = [name: string, text: string, kind: DocumentKind, message: string | null];

const rows: Row[] = [
  ['valid identity policy', doc(allow()), 'identity-inline', null],
  ['not JSON', '{"Version":', 'identity-inline', 'Syntax errors in policy.'],
  ['trust policy not JSON', '{"Version":', 'trust', 'This policy contains invalid Json'],
  ['top level not an object', '[]', 'identity-inline', 'Syntax errors in policy.'],
  ['unknown top-level key', JSON.stringify({ Version: '2012-10-17', Statement: [allow()], Foo: 1 }), 'identity-inline', 'Syntax errors in policy.'],
  ['bad version', JSON.stringify({ Version: '2013-10-17', Statement: [allow()] }), 'identity-inline', 'Syntax errors in policy.'],
  ['empty statement list', doc(), 'identity-inline', 'Syntax errors in policy.'],
  ['unknown statement key', doc(allow({ Foo: 'x' })), 'identity-inline', 'Syntax errors in policy.'],
  ['lower-case key', doc({ effect: 'Allow', Action: '*', Resource: '*' }), 'identity-inline', 'Syntax errors in policy.'],
  ['Action and NotAction', doc(allow({ NotAction: 'x:y' })), 'identity-inline', 'Syntax errors in policy.'],
  ['Effect missing', doc({ Action: '*', Resource: '*' }), 'identity-inline', 'Syntax errors in policy.'],
  ['Effect misspelt', doc(allow({ Effect: 'Alow' })), 'identity-inline', 'Syntax errors in policy.'],
  ['Action a number', doc(allow({ Action: 1 })), 'identity-inline', 'Syntax errors in policy.'],
  ['Condition value an object', doc(allow({ Condition: { StringEquals: { k: { a: 1 } } } })), 'identity-inline', 'Syntax errors in policy.'],
  ['unknown operator with a body', doc(allow({ Condition: { StringEqualz: { k: 'v' } } })), 'identity-inline', 'Syntax errors in policy.'],
  ['unknown operator without a body passes', doc(allow({ Condition: { StringEqualz: {} } })), 'identity-inline', null],
  ['duplicate operator', `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"a:b":"true"},"Bool":{"a:c":"true"}}}]}`, 'identity-inline', 'Syntax errors in policy.'],
  ['managed policy without Version', JSON.stringify({ Statement: [allow()] }), 'identity-managed', 'Policy document must be version 2012-10-17 or greater.'],
  ['managed policy 2008', JSON.stringify({ Version: '2008-10-17', Statement: [allow()] }), 'identity-managed', 'Policy document must be version 2012-10-17 or greater.'],
  ['inline policy 2008 passes', JSON.stringify({ Version: '2008-10-17', Statement: [allow()] }), 'identity-inline', null],
  ['Effect in lower case', doc(allow({ Effect: 'allow' })), 'identity-inline', 'The policy failed legacy parsing'],
  ['bad date', doc(allow({ Condition: { DateGreaterThan: { 'aws:CurrentTime': 'yesterday' } } })), 'identity-inline', 'The policy failed legacy parsing'],
  ['short ARN with ::', doc(allow({ Resource: 'arn:aws:s3::bucket' })), 'identity-inline', 'The policy failed legacy parsing'],
  ['empty service', doc(allow({ Resource: 'arn:aws::::x' })), 'identity-inline', 'The policy failed legacy parsing'],
  ['duplicate Sid', doc(allow({ Sid: 'A' }), allow({ Sid: 'A' })), 'identity-inline', 'Statement IDs (SID) in a single policy must be unique.'],
  ['Sid with a dash', doc(allow({ Sid: 'a-b' })), 'identity-inline', 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'],
  ['no actions', doc({ Effect: 'Allow', Resource: '*' }), 'identity-inline', 'Policy statement must contain actions.'],
  ['empty action list', doc(allow({ Action: [] })), 'identity-inline', 'Policy statement must contain actions.'],
  ['resource without colon', doc(allow({ Resource: 'bucket' })), 'identity-inline', 'Resource bucket must be in ARN format or "*".'],
  ['empty resource', doc(allow({ Resource: '' })), 'identity-inline', 'Resource  must be in ARN format or "*".'],
  ['bad partition', doc(allow({ Resource: 'a:bsdfdsafsad' })), 'identity-inline', 'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".'],
  ['bad partition, long', doc(allow({ Resource: 'arn:b:c:d:e:f:g:h' })), 'identity-inline', 'Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".'],
  ['no vendor', doc(allow({ Resource: 'arn:aws' })), 'identity-inline', 'Resource vendor must be fully qualified and cannot contain regexes.'],
  ['IAM with region', doc(allow({ Resource: 'arn:aws:iam:us-east-1:111122223333:user/x' })), 'identity-inline', 'IAM resource arn:aws:iam:us-east-1:111122223333:user/x cannot contain region information.'],
  ['S3 with region', doc(allow({ Resource: 'arn:aws:s3:us-east-1::bucket' })), 'identity-inline', 'Resource arn:aws:s3:us-east-1::bucket can not contain region information.'],
  ['IAM bad path', doc(allow({ Resource: 'arn:aws:iam::111122223333:bucket/x' })), 'identity-inline', 'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.'],
  ['no resources', doc({ Effect: 'Allow', Action: '*' }), 'identity-inline', 'Policy statement must contain resources.'],
  ['action without vendor', doc(allow({ Action: 'DescribeCluster' })), 'identity-inline', 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
  ['action with two colons', doc(allow({ Action: 'eks:a:b' })), 'identity-inline', 'Actions/Condition can contain only one colon.'],
  ['bad vendor', doc(allow({ Action: 'a a:b' })), 'identity-inline', 'Vendor a a is not valid'],
  ['principal in identity policy', doc(allow({ Principal: '*' })), 'identity-inline', 'Policy document should not specify a principal.'],
  ['principal in session policy', doc(allow({ Principal: '*' })), 'session', 'Policy document should not specify a principal.'],
  ['valid trust policy', doc(trustStatement), 'trust', null],
  ['trust with resource', doc({ ...trustStatement, Resource: '*' }), 'trust', 'Has prohibited field Resource'],
  ['trust with another action', doc({ ...trustStatement, Action: 'sts:InvalidAction' }), 'trust', 'AssumeRole policy may only specify STS AssumeRole actions.'],
  ['trust with sts:*', doc({ ...trustStatement, Action: 'sts:*' }), 'trust', null],
  ['trust without principal', doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), 'trust', 'Missing required field Principal'],
  ['trust with partial wildcard principal', doc({ ...trustStatement, Principal: { AWS: 'arn:aws:iam::111122223333:role/*' } }), 'trust', 'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:role/*"'],
  ['trust with bad service', doc({ ...trustStatement, Principal: { Service: 'amazonaws.com' } }), 'trust', 'Invalid principal in policy: "SERVICE":"amazonaws.com"'],
  ['trust with account principal', doc({ ...trustStatement, Principal: { AWS: ['111122223333', 'arn:aws:iam::444455556666:root'] } }), 'trust', null],
  ['2008 trust policy passes', JSON.stringify({ Version: '2008-10-17', Statement: [trustStatement] }), 'trust', null],
];

test('each malformed document gets IAM\'s message', () => {
  for (const [name, text, kind, message] of rows) {
    const result = validatePolicy(text, kind);
    if (message === null) assert.ok(result.ok, `${name}: ${result.ok ? '' : result.error.message}`);
    else {
      assert.ok(!result.ok, `${name}: expected "${message}"`);
      assert.deepEqual(result.error, { code: 'MalformedPolicyDocument', message }, name);
    }
  }
});

test('size limits count characters outside whitespace', () => {
  const big = JSON.stringify({ Version: '2012-10-17', Statement: [allow({ Resource: `arn:aws:s3:::${'x'.repeat(2100)}` })] });
  assert.deepEqual(validatePolicy(big, 'trust'), { ok: false, error: { code: 'LimitExceeded', message: 'Cannot exceed quota for ACLSizePerRole: 2048' } });
  const managed = JSON.stringify({ Version: '2012-10-17', Statement: [allow({ Resource: `arn:aws:s3:::${'x'.repeat(6200)}` })] });
  assert.deepEqual(validatePolicy(managed, 'identity-managed'), { ok: false, error: { code: 'LimitExceeded', message: 'Cannot exceed quota for PolicySize: 6144' } });
  const padded = JSON.stringify({ Version: '2012-10-17', Statement: [allow()] }).replaceAll(',', `,${' '.repeat(3000)}\n`);
  assert.ok(padded.length > 6144);
  assert.ok(validatePolicy(padded, 'identity-managed').ok, 'whitespace does not count');
});

test('a validated document keeps its elements', () => {
  const result = validatePolicy(doc(allow({ Sid: 'One', Condition: { NumericLessThan: { 'a:b': 3, 'a:c': [true, 'x'] } } })), 'identity-inline');
  assert.ok(result.ok);
  const [statement] = result.document.statements;
  assert.equal(statement?.sid, 'One');
  assert.deepEqual(statement?.condition, [{ operator: 'NumericLessThan', entries: [{ key: 'a:b', values: ['3'] }, { key: 'a:c', values: ['true', 'x'] }] }]);
});
