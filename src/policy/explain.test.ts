import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareCase } from './policy-case.ts';
import { explain } from './explain.ts';
import { parseJsonDocument } from './json-document.ts';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const CLUSTER = 'arn:aws:eks:us-west-2:111122223333:cluster/prod';

function prepared(policies: object, request: object = {}) {
  const value = parseJsonDocument(JSON.stringify({ name: 't', policies, request: { principal: ALICE, action: 'eks:DescribeCluster', resource: CLUSTER, ...request } }));
  return prepareCase(value, 't');
}

test('an implicit denial suggests the identity statement that allows it, verified', () => {
  const { request, policies } = prepared({ identity: [{ name: 'Other', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:List*', Resource: '*' }] } }] });
  const { decision, statements, suggestion } = explain(request, policies);
  assert.equal(decision.decision, 'ImplicitlyDenied');
  assert.deepEqual(statements.map((s) => [s.action, s.resource, s.applies]), [[false, true, false]]);
  assert.deepEqual(suggestion, {
    changes: [{ change: 'add-statement', policyKind: 'identity', statement: { Sid: 'TollgateSuggested', Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: CLUSTER } }],
    decisionAfter: 'Allowed',
    verified: true,
  });
});

test('an explicit denial names the denying statement, with the condition that made it apply', () => {
  const { request, policies } = prepared(
    {
      identity: [
        { name: 'Admin', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
        { name: 'DenyUntagged', arn: 'arn:aws:iam::111122223333:policy/DenyUntagged', policy: { Version: '2012-10-17', Statement: [{ Sid: 'NoTag', Effect: 'Deny', Action: 'eks:*', Resource: '*', Condition: { Null: { 'aws:ResourceTag/team': 'true' } } }] } },
      ],
    },
  );
  const { decision, statements, suggestion } = explain(request, policies);
  assert.equal(decision.decision, 'ExplicitlyDenied');
  assert.deepEqual(statements[1]?.conditions, [{ operator: 'Null', key: 'aws:ResourceTag/team', policyValues: ['true'], requestValue: undefined, result: true }]);
  assert.equal(suggestion?.verified, true);
  assert.deepEqual(suggestion?.changes.map((c) => c.change === 'remove-statement' && c.statement.sid), ['NoTag']);
});

test('a cross-account denial suggests both sides, and SCP levels that lack an allow', () => {
  const { request, policies } = prepared(
    { scp: [{ orgIdentifier: 'r-root', policies: [{ name: 'Full', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] }, { orgIdentifier: 'ou-eng', policies: [{ name: 'S3Only', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] }] },
    { principal: 'arn:aws:iam::444455556666:user/partner', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/EKSReadOnly' },
  );
  const { decision, suggestion } = explain(request, policies);
  assert.deepEqual(decision.blockedBy, ['scp', 'trust', 'identity']);
  assert.deepEqual(suggestion?.changes.map((c) => (c.change === 'add-statement' ? [c.policyKind, c.orgIdentifier ?? null] : null)), [['scp', 'ou-eng'], ['trust', null], ['identity', null]]);
  assert.equal(suggestion?.verified, true);
});
