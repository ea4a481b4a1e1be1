/**
 * The policy benchmark's workloads (issue #2): W1 one exact statement; W2 a user with ten managed
 * policies of ten wildcard statements, two conditions per policy and a permissions boundary, allowed by
 * the very last statement; W3 the same principal implicitly denied; W4 an explicit deny.
 */
import { AuthorizationRequest } from '../src/policy/authorization-request.ts';
import { compilePolicy, type CompiledPolicy } from '../src/policy/compiled-policy.ts';
import type { PolicyKind, DocumentKind } from '../src/policy/policy-kind.ts';
import { PolicySet } from '../src/policy/policy-set.ts';
import { validatePolicy } from '../src/policy/validate-policy.ts';
import type { JsonValue } from '../src/policy/json-document.ts';

const ACCOUNT = '111122223333';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;

/** Validates and compiles a document, failing loudly: workloads must be valid policies. */
export function compiled(document: unknown, kind: PolicyKind, name: string, documentKind: DocumentKind = 'identity-managed'): CompiledPolicy {
  const result = validatePolicy(JSON.stringify(document), documentKind);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return compilePolicy(result.document, { kind, name, arn: `arn:aws:iam::${ACCOUNT}:policy/${name}` });
}

const OTHER_SERVICES = ['s3:Get*', 'ec2:Describe*', 'iam:Get*', 'iam:List*', 'logs:*', 'cloudwatch:Get*', 'sqs:Send*'];

function resourceFor(service: string, name: string): string {
  if (service === 's3') return `arn:aws:s3:::${name}/*`;
  if (service === 'iam') return `arn:aws:iam::${ACCOUNT}:role/${name}/*`;
  return `arn:aws:${service}:us-*:${ACCOUNT}:${name}/*`;
}

/** The ten managed policies of W2: 3 EKS statements and 7 others each, two conditions per policy. */
export function w2Policies(): CompiledPolicy[] {
  const policies: CompiledPolicy[] = [];
  for (let p = 0; p < 10; p++) {
    const last = p === 9;
    const statements: JsonValue[] = OTHER_SERVICES.map((action, i) => ({
      Effect: 'Allow',
      Action: [action],
      Resource: [resourceFor(action.split(':')[0]!, `team-${p}-${i}`)],
    }));
    statements.push(
      { Effect: 'Allow', Action: ['eks:List*', 'eks:Describe*'], Resource: `arn:aws:eks:*:${ACCOUNT}:cluster/team-${p}-*` },
      { Effect: 'Allow', Action: 'eks:Update*', Resource: `arn:aws:eks:us-*:${ACCOUNT}:cluster/*` },
      {
        Effect: 'Allow',
        Action: ['eks:Describe*', 'eks:AccessKubernetesApi'],
        Resource: last ? `arn:aws:eks:us-*:${ACCOUNT}:cluster/prod-*` : `arn:aws:eks:eu-*:${ACCOUNT}:cluster/prod-${p}`,
        Condition: {
          StringEquals: { 'aws:ResourceTag/team': last ? 'platform' : `team-${p}` },
          ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/*` },
        },
      },
    );
    policies.push(compiled({ Version: '2012-10-17', Statement: statements }, 'identity', `Team${p}Access`));
  }
  return policies;
}

/** W2's permissions boundary. */
export function w2Boundary(): CompiledPolicy {
  return compiled(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['eks:*', 's3:*', 'ec2:Describe*', 'iam:Get*', 'iam:List*'], Resource: '*' }] },
    'boundary',
    'DeveloperBoundary',
  );
}

/** W4's extra policy: an explicit deny of deleting production clusters. */
export function denyPolicy(): CompiledPolicy {
  return compiled(
    { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['eks:Delete*'], Resource: `arn:aws:eks:*:${ACCOUNT}:cluster/prod-*` }] },
    'identity',
    'DenyProdDeletes',
  );
}

/** A request by alice. */
export function aliceRequest(action: string, cluster: string): AuthorizationRequest {
  return new AuthorizationRequest({
    principal: { type: 'User', accountId: ACCOUNT, arn: ALICE, name: 'alice', uniqueId: 'AIDAEXAMPLEALICE0001' },
    action,
    resource: `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/${cluster}`,
    context: { 'aws:ResourceTag/team': 'platform', 'aws:SourceIp': '10.0.0.1', 'aws:SecureTransport': 'true' },
  });
}

/** A workload: a policy set and a request, with the decision it must give. */
export interface Workload {
  readonly name: string;
  readonly set: PolicySet;
  readonly request: AuthorizationRequest;
  readonly expected: 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';
}

/** W1–W4. */
export function workloads(): Workload[] {
  const w1 = new PolicySet({
    identity: [compiled({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/prod` }] }, 'identity', 'DescribeProd')],
  });
  const w2 = new PolicySet({ identity: w2Policies(), boundary: [w2Boundary()] });
  const w4 = new PolicySet({ identity: [...w2Policies(), denyPolicy()], boundary: [w2Boundary()] });
  return [
    { name: 'W1', set: w1, request: aliceRequest('eks:DescribeCluster', 'prod'), expected: 'Allowed' },
    { name: 'W2', set: w2, request: aliceRequest('eks:DescribeCluster', 'prod-blue'), expected: 'Allowed' },
    { name: 'W3', set: w2, request: aliceRequest('eks:DescribeCluster', 'secret'), expected: 'ImplicitlyDenied' },
    { name: 'W4', set: w4, request: aliceRequest('eks:DeleteCluster', 'prod-blue'), expected: 'ExplicitlyDenied' },
  ];
}
