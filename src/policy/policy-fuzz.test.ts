// Property tests (fast-check): any input gets a validation error or a decision, never an exception or a
// hang; the fast path, the traced path and the explanation agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validatePolicy } from './validate-policy.ts';
import { compilePolicy } from './compiled-policy.ts';
import { PolicySet } from './policy-set.ts';
import { AuthorizationRequest } from './authorization-request.ts';
import { evaluate } from './evaluate.ts';
import { TraceRecorder } from './trace.ts';
import { explain } from './explain.ts';
import { runCaseLine } from './policy-case.ts';
import type { DocumentKind, PolicyKind } from './policy-kind.ts';
import type { RequestPrincipal } from './request-principal.ts';

const KINDS: DocumentKind[] = ['identity-inline', 'identity-managed', 'boundary', 'session', 'trust', 'resource', 'scp', 'rcp'];

test('any JSON value or text validates to a document or an IAM error', () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.string({ unit: 'binary' })), fc.constantFrom(...KINDS), (input, kind) => {
      const result = validatePolicy(typeof input === 'string' ? input : JSON.stringify(input), kind);
      assert.ok(result.ok || ['MalformedPolicyDocument', 'LimitExceeded'].includes(result.error.code));
    }),
    { numRuns: 2000 },
  );
});

test('hostile documents: deep nesting, huge strings, duplicate keys, invalid UTF-8', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  assert.equal(validatePolicy(deep, 'identity-inline').ok, false);
  const huge = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x:y', Resource: 'x'.repeat(10 * 1024 * 1024) }] });
  assert.deepEqual(validatePolicy(huge, 'identity-managed'), { ok: false, error: { code: 'LimitExceeded', message: 'Cannot exceed quota for PolicySize: 6144' } });
  const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]).toString('utf8');
  assert.equal(validatePolicy(invalidUtf8, 'identity-inline').ok, false);
  assert.equal(validatePolicy('{"Version":"2012-10-17","Version":"2012-10-17","Statement":[]}', 'identity-inline').ok, false);
  for (const line of [deep, huge, invalidUtf8, '{"name":"x","name":"y"}', 'null', '[]', '{"request":1}']) {
    const result = runCaseLine(line);
    assert.equal(result.pass, false);
    assert.equal(typeof result.error, 'string');
  }
});

// Statements drawn from small pools, so that elements often match the requests below.
const action = fc.constantFrom('*', 'eks:*', 'eks:Describe*', 'eks:DescribeCluster', 'EKS:describecluster', 'iam:PassRole', 'iam:*', 'sts:AssumeRole', 's3:Get?bject', 'ec2:*');
const resource = fc.constantFrom(
  '*', 'arn:aws:eks:*:111122223333:cluster/*', 'arn:aws:eks:us-west-2:111122223333:cluster/prod', 'arn:aws:eks:us-west-2:111122223333:cluster/${aws:username}',
  'arn:aws:iam::111122223333:role/*', 'arn:aws:iam::111122223333:role/eks-cluster-role', 'arn:aws:s3:::bucket/*', 'arn:aws:eks:eu-*:*:cluster/prod',
);
const principalValue = fc.constantFrom('*', '111122223333', 'arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:role/Admin', 'arn:aws:sts::111122223333:assumed-role/Admin/s1');
const condition = fc.option(
  fc.record({
    operator: fc.constantFrom('StringEquals', 'StringNotEquals', 'StringLike', 'ForAnyValue:StringEquals', 'ForAllValues:StringLike', 'Null', 'BoolIfExists', 'IpAddress', 'NumericLessThan', 'DateGreaterThan', 'ArnLike'),
    key: fc.constantFrom('aws:ResourceTag/team', 'aws:username', 'aws:TagKeys', 'aws:SourceIp', 'aws:MultiFactorAuthPresent', 'aws:EpochTime', 'aws:PrincipalArn'),
    values: fc.array(fc.constantFrom('a', 'b*', 'alice', 'true', '10.0.0.0/8', '5', '2024-01-01T00:00:00Z', 'arn:aws:iam::*:user/*'), { minLength: 1, maxLength: 2 }),
  }),
  { nil: undefined },
);
const statement = (kind: 'identity' | 'resource') =>
  fc.record({
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    actions: fc.array(action, { minLength: 1, maxLength: 3 }),
    notAction: fc.boolean(),
    preferAction: fc.boolean(),
    resources: fc.array(resource, { minLength: 1, maxLength: 2 }),
    notResource: fc.boolean(),
    principals: fc.array(principalValue, { minLength: 1, maxLength: 2 }),
    notPrincipal: fc.boolean(),
    condition,
  }).map((s) => {
    const out: Record<string, unknown> = { Effect: s.effect, [s.notAction && !s.preferAction ? 'NotAction' : 'Action']: s.actions };
    out[s.notResource && s.actions.length === 1 ? 'NotResource' : 'Resource'] = s.resources;
    if (kind === 'resource') out[s.notPrincipal && s.effect === 'Deny' ? 'NotPrincipal' : 'Principal'] = s.principals.includes('*') ? '*' : { AWS: s.principals };
    if (s.condition) out['Condition'] = { [s.condition.operator]: { [s.condition.key]: s.condition.operator === 'Null' || s.condition.operator === 'BoolIfExists' ? 'true' : s.condition.values } };
    return out;
  });
const policy = (kind: 'identity' | 'resource') => fc.array(statement(kind), { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: '2012-10-17', Statement }));

const callers: RequestPrincipal[] = [
  { type: 'User', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/alice', name: 'alice' },
  { type: 'AssumedRole', accountId: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Admin/s1', roleArn: 'arn:aws:iam::111122223333:role/Admin', roleName: 'Admin', sessionName: 's1' },
  { type: 'User', accountId: '444455556666', arn: 'arn:aws:iam::444455556666:user/partner', name: 'partner' },
  { type: 'Account', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root' },
  { type: 'Anonymous' },
];

const scenario = fc.record({
  identity: fc.array(policy('identity'), { maxLength: 3 }),
  boundary: fc.array(policy('identity'), { maxLength: 1 }),
  session: fc.array(policy('identity'), { maxLength: 1 }),
  resource: fc.array(policy('resource'), { maxLength: 1 }),
  scp: fc.array(fc.array(policy('identity'), { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
  caller: fc.constantFrom(...callers),
  action: fc.constantFrom('eks:DescribeCluster', 'iam:PassRole', 'sts:AssumeRole', 's3:GetObject', 'eks:ListClusters'),
  target: fc.constantFrom('arn:aws:eks:us-west-2:111122223333:cluster/prod', 'arn:aws:iam::111122223333:role/eks-cluster-role', 'arn:aws:s3:::bucket/key', '*', 'arn:aws:eks:eu-west-1:111122223333:cluster/alice'),
  context: fc.record({ 'aws:ResourceTag/team': fc.constantFrom('a', 'b1'), 'aws:TagKeys': fc.array(fc.constantFrom('a', 'b1', 'c'), { maxLength: 3 }), 'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.1') }, { requiredKeys: [] }),
});

function compileAll(documents: object[], kind: PolicyKind, documentKind: DocumentKind, orgIdentifier?: string) {
  return documents.flatMap((d, i) => {
    const result = validatePolicy(JSON.stringify(d), documentKind);
    return result.ok ? [compilePolicy(result.document, { kind, name: `${kind}${i}`, arn: i % 2 ? `arn:aws:iam::111122223333:policy/${kind}${i}` : undefined, orgIdentifier })] : [];
  });
}

test('fast and traced evaluation agree, and every denial has a verified suggestion', () => {
  const seen = { Allowed: 0, ImplicitlyDenied: 0, ExplicitlyDenied: 0 };
  fc.assert(
    fc.property(scenario, (s) => {
      const trust = s.action === 'sts:AssumeRole';
      const set = new PolicySet({
        identity: compileAll(s.identity, 'identity', 'identity-inline'),
        boundary: compileAll(s.boundary, 'boundary', 'boundary'),
        session: compileAll(s.session, 'session', 'session'),
        resource: compileAll(trust ? s.resource.map((p) => ({ ...p, Statement: p.Statement.map(({ Resource: _r, NotResource: _n, ...rest }) => rest) })) : s.resource, trust ? 'trust' : 'resource', trust ? 'trust' : 'resource'),
        scp: s.scp.map((level, i) => ({ orgIdentifier: `ou-${i}`, policies: compileAll(level, 'scp', 'scp', `ou-${i}`) })),
      });
      const request = new AuthorizationRequest({ principal: s.caller, action: s.action, resource: s.target, context: s.context });
      const fast = evaluate(request, set);
      const traced = evaluate(request, set, new TraceRecorder());
      seen[fast.decision]++;
      assert.deepEqual(fast.decision, traced.decision);
      assert.deepEqual(fast.blockedBy, traced.blockedBy);
      const explanation = explain(request, set);
      assert.equal(explanation.decision.decision, fast.decision);
      if (fast.decision !== 'Allowed') assert.equal(explanation.suggestion?.verified, true, JSON.stringify(explanation.suggestion));
    }),
    { numRuns: 1500 },
  );
  // The generators must reach every outcome, or the property says little.
  for (const [outcome, count] of Object.entries(seen)) assert.ok(count > 50, `${outcome} seen ${count} times`);
});

test('any case text gets a result line, never an exception', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)), fc.record({ name: fc.string(), policies: fc.jsonValue({ maxDepth: 4 }), request: fc.jsonValue({ maxDepth: 3 }) }).map((v) => JSON.stringify(v))), (line) => {
      const result = runCaseLine(line);
      assert.equal(typeof result.name, 'string');
    }),
    { numRuns: 2000 },
  );
});
