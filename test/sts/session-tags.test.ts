// Session tags end to end (issue #5, docs/aws-behaviour/iam-policy-evaluation.md, docs/aws-behaviour/sts-sessions.md): passing Tags needs sts:TagSession
// in the trust and the caller's identity policy; the tags become aws:PrincipalTag/* of the session
// (overriding the role's tags), and transitive ones pass along a role chain.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, PARTNER, allow, assertAwsError, putUserPolicy, role, startStsWorld, temporary, trust, type StsWorld } from './sts-world.ts';

let w: StsWorld;
let tagged: string;
let untaggable: string;
let next: string;
beforeEach(async () => {
  w = await startStsWorld();
  // Both roles may list clusters only when the session's principal tag `team` is `platform`.
  const byTeam = allow('eks:ListClusters', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'platform' } } });
  const assumeAny = JSON.stringify({ Version: '2012-10-17', Statement: [...JSON.parse(byTeam).Statement, ...JSON.parse(allow(['sts:AssumeRole', 'sts:TagSession'])).Statement] });
  tagged = await role(w, 'Tagged', trust({ AWS: PARTNER }, {}, ['sts:AssumeRole', 'sts:TagSession']), assumeAny, { Tags: [{ Key: 'team', Value: 'data' }] });
  untaggable = await role(w, 'Untaggable', trust({ AWS: PARTNER }));
  next = await role(w, 'Next', trust({ AWS: tagged }, {}, ['sts:AssumeRole', 'sts:TagSession']), byTeam);
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole'));
});
afterEach(() => w.close());

/** Lets partner pass session tags (its identity policy allows sts:TagSession). */
const partnerMayTag = () => putUserPolicy(w, w.partnerRoot, 'partner', 'tag', allow('sts:TagSession'));

const PARTNER_USER = `arn:aws:iam::${PARTNER}:user/partner`;
const team = (value: string) => [{ Key: 'team', Value: value }];
const listDenied = (roleName: string, session: string) =>
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/${session} is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/* because no identity-based policy allows the eks:ListClusters action`;

test('Tags need sts:TagSession in the trust policy and in the caller identity policy', async () => {
  const sts = w.sts(w.partner);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: untaggable, RoleSessionName: 'tags', Tags: team('platform') })), 'AccessDenied', 403,
    `User: ${PARTNER_USER} is not authorized to perform: sts:TagSession on resource: ${untaggable} because no role trust policy allows the sts:TagSession action`);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'tags', Tags: team('platform') })), 'AccessDenied', 403,
    `User: ${PARTNER_USER} is not authorized to perform: sts:TagSession on resource: ${tagged} because no identity-based policy allows the sts:TagSession action`);
  await partnerMayTag();
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'tags', Tags: team('platform') }));
  assert.ok((out.PackedPolicySize ?? 0) > 0, 'tags are packed');
});

test('session tags become aws:PrincipalTag/*, overriding the role tags whatever the key case', async () => {
  await partnerMayTag();
  const sts = w.sts(w.partner);
  const untaggedSession = await sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'role-tags' }));
  // The role's own tag team=data applies when the session passes none.
  await assertAwsError(w.eks(temporary(untaggedSession.Credentials)).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('Tagged', 'role-tags'));
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'session-tags', Tags: [{ Key: 'TEAM', Value: 'platform' }] }));
  assert.deepEqual((await w.eks(temporary(out.Credentials)).send(new ListClustersCommand({}))).clusters, []);
});

test('transitive tags pass along a role chain; others do not', async () => {
  await partnerMayTag();
  const sts = w.sts(w.partner);
  const transitive = await sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'first', Tags: team('platform'), TransitiveTagKeys: ['team'] }));
  const chained = await w.sts(temporary(transitive.Credentials)).send(new AssumeRoleCommand({ RoleArn: next, RoleSessionName: 'second' }));
  assert.deepEqual((await w.eks(temporary(chained.Credentials)).send(new ListClustersCommand({}))).clusters, []);

  const plain = await sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'first', Tags: team('platform') }));
  const notChained = await w.sts(temporary(plain.Credentials)).send(new AssumeRoleCommand({ RoleArn: next, RoleSessionName: 'second' }));
  await assertAwsError(w.eks(temporary(notChained.Credentials)).send(new ListClustersCommand({})), 'AccessDeniedException', 403, listDenied('Next', 'second'));

  // An inherited transitive key cannot be set again down the chain.
  await assertAwsError(w.sts(temporary(transitive.Credentials)).send(new AssumeRoleCommand({ RoleArn: next, RoleSessionName: 'second', Tags: team('data') })),
    'InvalidParameterValue', 400, "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.");
});

test('tag keys are unique case-insensitively, and transitive keys must be among the tags', async () => {
  await partnerMayTag();
  const sts = w.sts(w.partner);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'dup', Tags: [{ Key: 'team', Value: 'a' }, { Key: 'Team', Value: 'b' }] })),
    'InvalidParameterValue', 400, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'dup', Tags: team('a'), TransitiveTagKeys: ['cost'] })),
    'InvalidParameterValue', 400, 'The specified transitive tag key must be included in the requested tags.');
});

test('session tags too large to pack are refused as such', async () => {
  await partnerMayTag();
  // partner holds sts:TagSession since the first test. Random values do not compress.
  const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: randomBytes(64).toString('hex') }));
  await assertAwsError(w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'big', Tags: tags })),
    'PackedPolicyTooLarge', 400, /^Packed size of session tags consumes \d{3,}% of allotted space\.$/);
});
