// Every AccessDenied text Tollgate renders parses back to the request and decision it came from, in
// whatever envelope a client wraps it; texts that are not denials are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { AuthorizationRequest, accessDeniedMessage, POLICY_KINDS, principalFromArn, type Decision, type PolicyKind } from '../policy/index.ts';
import type { PolicyType } from './diagnosis.ts';
import { parseDenial } from './parse-denial.ts';

const TYPE_OF: Readonly<Record<PolicyKind, PolicyType>> = {
  identity: 'identity-based policy', boundary: 'permissions boundary', session: 'session policy', resource: 'resource-based policy',
  trust: 'role trust policy', scp: 'service control policy', rcp: 'resource control policy',
};

interface PolicyCase {
  readonly name: string;
  readonly request: { readonly principal: string | { readonly type: string; readonly service?: string }; readonly action: string; readonly resource: string; readonly messageResource?: string };
  readonly expected: string;
  readonly expectedMessage?: string;
  readonly expectedBlockedBy?: readonly PolicyKind[];
}

function policyCases(): PolicyCase[] {
  const dir = new URL('../policy/cases/', import.meta.url);
  const out: PolicyCase[] = [];
  for (const topic of readdirSync(dir, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    for (const file of readdirSync(new URL(`${topic.name}/`, dir))) {
      if (!file.endsWith('.jsonl')) continue;
      for (const line of readFileSync(new URL(`${topic.name}/${file}`, dir), 'utf8').split('\n')) {
        if (line.trim()) out.push(JSON.parse(line) as PolicyCase);
      }
    }
  }
  return out.filter((c) => c.expectedMessage !== undefined && c.expectedBlockedBy !== undefined);
}

test('each message of the policy corpus parses back to its principal, action, resource and reason', () => {
  const cases = policyCases();
  assert.ok(cases.length > 400, `${cases.length} messages`);
  for (const c of cases) {
    const d = parseDenial(c.expectedMessage!);
    assert.ok(d, c.name);
    const kind = c.expectedBlockedBy![0]!;
    assert.deepEqual(
      { principal: d.principal, action: d.action, resource: d.resource, effect: d.reason.effect, policyType: d.reason.policyType },
      {
        principal: typeof c.request.principal === 'string' ? c.request.principal : c.request.principal.service ?? 'anonymous',
        action: c.request.action,
        resource: c.request.messageResource ?? c.request.resource,
        effect: c.expected === 'ExplicitlyDenied' ? 'explicit' : 'implicit',
        policyType: TYPE_OF[kind],
      },
      c.name,
    );
  }
});

const ENVELOPES: readonly ((message: string, code: string) => string)[] = [
  (m) => m,
  (m, code) => `An error occurred (${code}) when calling the DescribeCluster operation: ${m}`,
  (m, code) => `botocore.exceptions.ClientError: An error occurred (${code}) when calling the DescribeCluster operation: ${m}`,
  (m, code) => `operation error EKS: DescribeCluster, https response error StatusCode: 403, RequestID: 0c2f9a1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b, api error ${code}: ${m}`,
  (m, code) => `${code}: ${m}\n\tstatus code: 403, request id: 0c2f9a1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b`,
  (m, code) => `${m} (Service: AmazonEKS; Status Code: 403; Error Code: ${code}; Request ID: 0c2f9a1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b; Proxy: null)`,
  (m, code) => `{"__type":"${code}","message":${JSON.stringify(m)}}`,
  (m, code) => `${code}: ${m}\n    at throwDefaultError (node_modules/@smithy/smithy-client/dist-cjs/index.js:867:20)`,
  (m) => m.replace(/ /g, '\n  '),
];

test('property: a rendered denial in any client envelope parses back to what rendered it', () => {
  const name = fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,24}$/);
  const principal = fc.oneof(
    name.map((n) => `arn:aws:iam::111122223333:user/${n}`),
    fc.tuple(name, name).map(([r, s]) => `arn:aws:sts::111122223333:assumed-role/${r}/${s}`),
    fc.constant('arn:aws:iam::111122223333:root'),
    name.map((n) => `arn:aws:sts::111122223333:federated-user/${n}`),
  );
  const action = fc.tuple(fc.constantFrom('eks', 'iam', 'sts', 's3', 'kms', 'ec2'), fc.stringMatching(/^[A-Z][A-Za-z]{2,20}$/)).map(([s, a]) => `${s}:${a}`);
  const resource = fc.oneof(name.map((n) => `arn:aws:eks:us-west-2:111122223333:cluster/${n}`), name.map((n) => `arn:aws:iam::444455556666:role/${n}`), fc.constant('*'));
  fc.assert(
    fc.property(principal, action, resource, fc.constantFrom(...POLICY_KINDS), fc.boolean(), fc.integer({ min: 0, max: ENVELOPES.length - 1 }), (p, a, r, kind, explicit, envelope) => {
      const request = new AuthorizationRequest({ principal: principalFromArn(p)!, action: a, resource: r });
      const decision: Decision = { decision: explicit ? 'ExplicitlyDenied' : 'ImplicitlyDenied', blockedBy: [kind], determining: [], errors: [] };
      const message = accessDeniedMessage(decision, request)!;
      const d = parseDenial(ENVELOPES[envelope]!(message, 'AccessDeniedException'));
      assert.ok(d, message);
      assert.deepEqual(
        { principal: d.principal, action: d.action, resource: d.resource, effect: d.reason.effect, policyType: d.reason.policyType },
        { principal: p, action: a, resource: r, effect: explicit ? 'explicit' : 'implicit', policyType: TYPE_OF[kind] },
        message,
      );
    }),
    { numRuns: 500 },
  );
});

test('the policy ARN AWS appends to an explicit deny is kept apart from the reason', () => {
  const d = parseDenial('User: arn:aws:iam::111122223333:user/bob is not authorized to perform: eks:DeleteCluster on resource: arn:aws:eks:us-west-2:111122223333:cluster/prod with an explicit deny in an identity-based policy: arn:aws:iam::111122223333:policy/path/DenyDelete');
  assert.deepEqual(d?.reason, { effect: 'explicit', policyType: 'identity-based policy', policyArn: 'arn:aws:iam::111122223333:policy/path/DenyDelete', through: undefined });
});

test('texts that hold no denial are refused', () => {
  for (const text of ['', '   ', 'hello world', 'An error occurred (ThrottlingException) when calling the ListClusters operation: Rate exceeded', '{"cluster":{"name":"prod"}}', 'Error from server (NotFound): pods "x" not found']) {
    assert.equal(parseDenial(text), undefined, JSON.stringify(text));
  }
});

test('the service and the request id come from the envelope', () => {
  const d = parseDenial('operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 4a8524d5-fc0e-46ff-9000-fd823d1b8661, api error AccessDenied: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/Admin');
  assert.equal(d?.service, 'STS');
  assert.equal(d?.operation, 'AssumeRole');
  assert.equal(d?.errorCode, 'AccessDenied');
  assert.equal(d?.requestId, '4a8524d5-fc0e-46ff-9000-fd823d1b8661');
});
