// AssumeRole's parameters end to end (issue #5, docs/aws-behaviour/sts-sessions.md, docs/aws-behaviour/wire-protocols.md): DurationSeconds within
// 900 s and the role's MaxSessionDuration, role chaining capped at one hour, RoleSessionName's shape, and
// SourceIdentity needing sts:SetSourceIdentity on both sides.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, PARTNER, allow, assertAwsError, putUserPolicy, role, startStsWorld, temporary, trust, type StsWorld } from './sts-world.ts';

let w: StsWorld;
let longRole: string;
let chainTarget: string;
beforeEach(async () => {
  w = await startStsWorld();
  longRole = await role(w, 'LongSessions', trust({ AWS: PARTNER }), allow('sts:AssumeRole', '*'), { MaxSessionDuration: 7200 });
  chainTarget = await role(w, 'ChainTarget', trust({ AWS: longRole }), undefined, { MaxSessionDuration: 43200 });
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole', '*'));
});
afterEach(() => w.close());

const validation = (value: string, member: string, constraint: string) => `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`;
const seconds = (date: Date | undefined) => Math.round(((date?.getTime() ?? 0) - w.clock.now()) / 1000);

test('DurationSeconds: 3600 by default, up to the role MaxSessionDuration, 900 at least', async () => {
  const sts = w.sts(w.partner);
  const byDefault = await sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'dur' }));
  assert.equal(seconds(byDefault.Credentials?.Expiration), 3600);
  const longest = await sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'dur', DurationSeconds: 7200 }));
  assert.equal(seconds(longest.Credentials?.Expiration), 7200);
  const shortest = await sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'dur', DurationSeconds: 900 }));
  assert.equal(seconds(shortest.Credentials?.Expiration), 900);

  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'dur', DurationSeconds: 7201 })),
    'ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
  );
  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'dur', DurationSeconds: 899 })),
    'ValidationError', 400, validation('899', 'durationSeconds', 'Member must have value greater than or equal to 900'),
  );
  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'dur', DurationSeconds: 43201 })),
    'ValidationError', 400, validation('43201', 'durationSeconds', 'Member must have value less than or equal to 43200'),
  );
});

test('role chaining: a role session assumes another role for one hour at most', async () => {
  const first = await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'first' }));
  const chained = w.sts(temporary(first.Credentials));
  const out = await chained.send(new AssumeRoleCommand({ RoleArn: chainTarget, RoleSessionName: 'second', DurationSeconds: 3600 }));
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/ChainTarget/second`);
  assert.equal(seconds(out.Credentials?.Expiration), 3600);
  await assertAwsError(
    chained.send(new AssumeRoleCommand({ RoleArn: chainTarget, RoleSessionName: 'second', DurationSeconds: 3601 })),
    'ValidationError', 400, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  );
  // The chained session works as the target role (which has no permissions policy).
  await assertAwsError(
    w.eks(temporary(out.Credentials)).send(new ListClustersCommand({})),
    'AccessDeniedException', 403,
    `User: arn:aws:sts::${ACCOUNT}:assumed-role/ChainTarget/second is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:us-west-2:${ACCOUNT}:cluster/* because no identity-based policy allows the eks:ListClusters action`,
  );
});

test('role chaining from GetSessionToken credentials is capped at one hour too', async () => {
  const token = await w.sts(w.partner).send(new GetSessionTokenCommand({}));
  const sts = w.sts(temporary(token.Credentials));
  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'from-token', DurationSeconds: 7200 })),
    'ValidationError', 400, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  );
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'from-token' }));
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/LongSessions/from-token`);
});

test('RoleSessionName: 2 to 64 characters of [\\w+=,.@-]', async () => {
  const sts = w.sts(w.partner);
  const pattern = 'Member must satisfy regular expression pattern: [\\w+=,.@-]*';
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'a' })), 'ValidationError', 400,
    validation('a', 'roleSessionName', 'Member must have length greater than or equal to 2'));
  const long = 's'.repeat(65);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: long })), 'ValidationError', 400,
    validation(long, 'roleSessionName', 'Member must have length less than or equal to 64'));
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'Session1:2' })), 'ValidationError', 400,
    validation('Session1:2', 'roleSessionName', pattern));
  const fine = 'a+b=c,d.e@f-g_' + 'x'.repeat(50);
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: fine }));
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/LongSessions/${fine}`);
});

test('SourceIdentity needs sts:SetSourceIdentity in the trust and identity policies, and persists along a chain', async () => {
  const noSet = await role(w, 'NoSourceIdentity', trust({ AWS: PARTNER }));
  const withSet = await role(w, 'WithSourceIdentity', trust({ AWS: PARTNER }, {}, ['sts:AssumeRole', 'sts:SetSourceIdentity']), allow('sts:AssumeRole', '*'));
  const next = await role(w, 'NextWithSourceIdentity', trust({ AWS: withSet }, {}, ['sts:AssumeRole', 'sts:SetSourceIdentity']));
  const nextNoSet = await role(w, 'NextNoSourceIdentity', trust({ AWS: withSet }));
  const sts = w.sts(w.partner);
  const partnerArn = `arn:aws:iam::${PARTNER}:user/partner`;

  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: noSet, RoleSessionName: 'si', SourceIdentity: 'alice' })), 'AccessDenied', 403,
    `User: ${partnerArn} is not authorized to perform: sts:SetSourceIdentity on resource: ${noSet} because no role trust policy allows the sts:SetSourceIdentity action`);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: withSet, RoleSessionName: 'si', SourceIdentity: 'alice' })), 'AccessDenied', 403,
    `User: ${partnerArn} is not authorized to perform: sts:SetSourceIdentity on resource: ${withSet} because no identity-based policy allows the sts:SetSourceIdentity action`);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: withSet, RoleSessionName: 'si', SourceIdentity: 'aws:alice' })), 'ValidationError', 400,
    validation('aws:alice', 'sourceIdentity', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'));

  await putUserPolicy(w, w.partnerRoot, 'partner', 'source-identity', allow('sts:SetSourceIdentity', '*'));
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: withSet, RoleSessionName: 'si', SourceIdentity: 'alice' }));
  assert.equal(out.SourceIdentity, 'alice');

  // A chained session keeps the source identity, so the next trust policy must allow setting it as well.
  const chained = w.sts(temporary(out.Credentials));
  const second = await chained.send(new AssumeRoleCommand({ RoleArn: next, RoleSessionName: 's2' }));
  assert.equal(second.SourceIdentity, 'alice');
  // Once set, it cannot be changed down the chain.
  const third = await chained.send(new AssumeRoleCommand({ RoleArn: next, RoleSessionName: 's3', SourceIdentity: 'mallory' }));
  assert.equal(third.SourceIdentity, 'alice');
  await assertAwsError(chained.send(new AssumeRoleCommand({ RoleArn: nextNoSet, RoleSessionName: 's2' })), 'AccessDenied', 403,
    `User: arn:aws:sts::${ACCOUNT}:assumed-role/WithSourceIdentity/si is not authorized to perform: sts:SetSourceIdentity on resource: ${nextNoSet} because no role trust policy allows the sts:SetSourceIdentity action`);
});

test('SerialNumber and TokenCode make aws:MultiFactorAuthPresent true, in the trust policy and for the session', async () => {
  const mfaOnly = allow('eks:ListClusters', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
  const arn = await role(w, 'NeedsMfa', trust({ AWS: PARTNER }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), mfaOnly);
  const sts = w.sts(w.partner);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'no-mfa' })), 'AccessDenied', 403,
    `User: arn:aws:iam::${PARTNER}:user/partner is not authorized to perform: sts:AssumeRole on resource: ${arn} because no role trust policy allows the sts:AssumeRole action`);
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'mfa', SerialNumber: `arn:aws:iam::${PARTNER}:mfa/partner`, TokenCode: '123456' }));
  assert.deepEqual((await w.eks(temporary(out.Credentials)).send(new ListClustersCommand({}))).clusters, []);
});
