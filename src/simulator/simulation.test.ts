// The simulator's result shapes: matched statements with their source and position, missing context
// keys, the boundary's and the organization's verdicts, cross-account details and per-resource results
// (docs/aws-behaviour/policy-simulator.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { principalFromArn, type RequestPrincipal } from '../policy/index.ts';
import { contextKeysOf } from './context-keys.ts';
import { readContextEntries } from './context-entries.ts';
import { inputPolicies, simulatedPolicy } from './simulated-policy.ts';
import { Simulation, type SimulationInput } from './simulation.ts';
import { resourceTemplate } from './arn-templates.ts';

const alice = principalFromArn('arn:aws:iam::111122223333:user/alice') as RequestPrincipal;
const CLUSTER = 'arn:aws:eks:us-west-2:111122223333:cluster/prod';
const identity = [
  '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"eks:Describe*","Resource":"*"},',
  ' {"Sid":"Tagged","Effect":"Allow","Action":"eks:ListNodegroups","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"a"}}},',
  ' {"Sid":"NoDelete","Effect":"Deny","Action":"eks:DeleteCluster","Resource":"' + CLUSTER + '"}]}',
].join('\n');

function simulation(over: Partial<SimulationInput> = {}): Simulation {
  return new Simulation({
    identity: inputPolicies('PolicyInputList', [identity], 'identity'),
    boundary: [], organizations: [], resourcePolicy: undefined, caller: alice, resourceOwner: undefined,
    resourceArns: undefined, context: {}, ...over,
  });
}

test('allowed: the allowing statement with its policy id, type and position; no per-resource results without ResourceArns', () => {
  const r = simulation().evaluateAction('eks:DescribeCluster');
  assert.equal(r.EvalDecision, 'allowed');
  assert.equal(r.EvalResourceName, '*');
  assert.deepEqual(r.MatchedStatements, [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 39 }, EndPosition: { Line: 1, Column: 109 } }]);
  assert.deepEqual(r.MissingContextValues, []);
  assert.equal(r.ResourceSpecificResults, undefined);
  assert.equal(r.EvalDecisionDetails, undefined);
});

test('explicit deny lists only the Deny statement; implicit deny lists none', () => {
  const denied = simulation({ resourceArns: [CLUSTER] }).evaluateAction('eks:DeleteCluster');
  assert.equal(denied.EvalDecision, 'explicitDeny');
  assert.deepEqual(denied.MatchedStatements.map((s) => s.StartPosition), [{ Line: 3, Column: 3 }]);
  const implicit = simulation().evaluateAction('eks:CreateCluster');
  assert.equal(implicit.EvalDecision, 'implicitDeny');
  assert.deepEqual(implicit.MatchedStatements, []);
});

test('a condition key the request lacks is a missing context value; given as a ContextEntry it decides', () => {
  const missing = simulation().evaluateAction('eks:ListNodegroups');
  assert.equal(missing.EvalDecision, 'implicitDeny');
  assert.deepEqual(missing.MissingContextValues, ['aws:ResourceTag/team']);
  const given = simulation({ context: readContextEntries([{ ContextKeyName: 'aws:ResourceTag/team', ContextKeyValues: ['a'], ContextKeyType: 'string' }]) });
  const r = given.evaluateAction('eks:ListNodegroups');
  assert.equal(r.EvalDecision, 'allowed');
  assert.deepEqual(r.MissingContextValues, []);
});

test('several resources: the most restrictive decision on top, each resource its own result, an empty EvalDecisionDetails in the caller account', () => {
  const other = 'arn:aws:eks:us-west-2:111122223333:cluster/dev';
  const r = simulation({ resourceArns: [other, CLUSTER] }).evaluateAction('eks:DeleteCluster');
  assert.equal(r.EvalDecision, 'explicitDeny');
  assert.deepEqual(r.ResourceSpecificResults?.map((x) => [x.EvalResourceName, x.EvalResourceDecision]), [[other, 'implicitDeny'], [CLUSTER, 'explicitDeny']]);
  assert.deepEqual(r.EvalDecisionDetails, {});
});

test('a permissions boundary: its verdict is reported and it caps what the identity policy allows', () => {
  const boundary = inputPolicies('PermissionsBoundaryPolicyInputList', ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"eks:List*","Resource":"*"}}'], 'boundary');
  const r = simulation({ boundary }).evaluateAction('eks:DescribeCluster');
  assert.equal(r.EvalDecision, 'implicitDeny');
  assert.deepEqual(r.PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: false });
});

test('SCPs: every level must allow; OrganizationsDecisionDetail says whether they did', () => {
  const scp = (text: string) => [simulatedPolicy({ id: 'scp', type: 'none', text, kind: 'scp' })];
  const full = scp('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}');
  const eksOnly = scp('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*"}}');
  const r = simulation({ organizations: [full, eksOnly] }).evaluateAction('eks:DescribeCluster');
  assert.equal(r.EvalDecision, 'implicitDeny');
  assert.deepEqual(r.OrganizationsDecisionDetail, { AllowedByOrganizations: false });
  assert.deepEqual(simulation({ organizations: [full] }).evaluateAction('eks:DescribeCluster').OrganizationsDecisionDetail, { AllowedByOrganizations: true });
});

test('cross-account with a resource policy: both sides must allow, EvalDecisionDetails per policy type', () => {
  const bucket = 'arn:aws:s3:::shared-bucket';
  const resourcePolicy = simulatedPolicy({
    id: 'ResourcePolicy', type: 'resource', kind: 'resource',
    text: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared-bucket"}}',
  });
  const identityS3 = inputPolicies('PolicyInputList', ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}'], 'identity');
  const both = simulation({ identity: identityS3, resourcePolicy, resourceOwner: '444455556666', resourceArns: [bucket] }).evaluateAction('s3:GetObject');
  assert.equal(both.EvalDecision, 'allowed');
  assert.deepEqual(both.EvalDecisionDetails, { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' });
  assert.deepEqual(both.MatchedStatements.map((s) => s.SourcePolicyType).sort(), ['none', 'resource']);
  const onlyResource = simulation({ identity: [], resourcePolicy, resourceOwner: '444455556666', resourceArns: [bucket] }).evaluateAction('s3:GetObject');
  assert.equal(onlyResource.EvalDecision, 'implicitDeny');
  assert.deepEqual(onlyResource.EvalDecisionDetails, { 'IAM Policy': 'implicitDeny', 'Resource Policy': 'allowed' });
});

test('context keys of policies: condition keys and policy variables in document order, each once', () => {
  const doc = (text: string) => simulatedPolicy({ id: 'p', type: 'none', text, kind: 'identity' }).document;
  const keys = contextKeysOf([
    doc('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}'),
    doc('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"s3:prefix":"${AWS:UserName}/*"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}}'),
  ]);
  assert.deepEqual(keys, ['aws:username', 'aws:CurrentTime', 's3:prefix', 'aws:MultiFactorAuthPresent']);
});

test('ContextEntries: typed values are checked, lists kept as lists', () => {
  assert.deepEqual(readContextEntries([{ ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['a', 'b'], ContextKeyType: 'stringList' }]), { 'aws:TagKeys': ['a', 'b'] });
  assert.throws(() => readContextEntries([{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['not-an-ip'], ContextKeyType: 'ip' }]), { name: 'InvalidInput' });
  assert.throws(() => readContextEntries([{ ContextKeyName: 'aws:MultiFactorAuthAge', ContextKeyValues: ['1', '2'], ContextKeyType: 'numeric' }]), { name: 'InvalidInput' });
});

test('with ResourceArns the top-level EvalResourceName is the ARN template of the resource type simulated', () => {
  const r = simulation({ resourceArns: [CLUSTER], resourceTemplate }).evaluateAction('eks:DescribeCluster');
  assert.equal(r.EvalResourceName, 'arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}');
  assert.equal(resourceTemplate('s3:GetObject', ['arn:aws:s3:::bucket/key']), 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  assert.equal(resourceTemplate('iam:ListUsers', ['*']), undefined);
});
