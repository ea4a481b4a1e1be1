// sts:AssumeRole authorization end to end (issue #5, docs/aws-behaviour/iam-policy-evaluation.md, docs/aws-behaviour/sts-sessions.md): the caller's
// identity policy and the role's trust policy, same account and cross account, with AWS's messages.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { TagUserCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { ACCOUNT, PARTNER, allow, assertAwsError, putUserPolicy, role, startStsWorld, trust, userWithKey, type StsWorld } from './sts-world.ts';

let w: StsWorld;
beforeEach(async () => {
  w = await startStsWorld();
});
afterEach(() => w.close());

const EKS_READ_ONLY = `arn:aws:iam::${ACCOUNT}:role/EKSReadOnly`;
const PARTNER_USER = `arn:aws:iam::${PARTNER}:user/partner`;
const denied = (caller: string, action: string, resource: string, reason: string) => `User: ${caller} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
const noIdentity = (action: string) => `because no identity-based policy allows the ${action} action`;
const noTrust = (action: string) => `because no role trust policy allows the ${action} action`;

test('cross account: the trust naming the partner account and the partner identity policy together allow it', async () => {
  await role(w, 'EKSReadOnly', trust({ AWS: `arn:aws:iam::${PARTNER}:root` }, { Condition: { StringEquals: { 'sts:ExternalId': 'partner-42' } } }));
  const sts = w.sts(w.partner);

  // No identity policy yet: the partner's own account does not allow it.
  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: EKS_READ_ONLY, RoleSessionName: 's1', ExternalId: 'partner-42' })),
    'AccessDenied', 403, denied(PARTNER_USER, 'sts:AssumeRole', EKS_READ_ONLY, noIdentity('sts:AssumeRole')),
  );

  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume', allow('sts:AssumeRole', EKS_READ_ONLY));
  // A missing or wrong ExternalId fails the trust policy's condition.
  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: EKS_READ_ONLY, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(PARTNER_USER, 'sts:AssumeRole', EKS_READ_ONLY, noTrust('sts:AssumeRole')),
  );
  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: EKS_READ_ONLY, RoleSessionName: 's1', ExternalId: 'partner-43' })),
    'AccessDenied', 403, denied(PARTNER_USER, 'sts:AssumeRole', EKS_READ_ONLY, noTrust('sts:AssumeRole')),
  );

  const out = await sts.send(new AssumeRoleCommand({ RoleArn: EKS_READ_ONLY, RoleSessionName: 's1', ExternalId: 'partner-42' }));
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/EKSReadOnly/s1`);
  assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]{17}:s1$/);
  assert.equal(out.PackedPolicySize, undefined, 'no session policy or tag was passed');
  assert.equal(out.SourceIdentity, undefined);
});

test('cross account: a trust policy naming another account refuses the partner', async () => {
  const arn = await role(w, 'OtherTrust', trust({ AWS: 'arn:aws:iam::999988887777:root' }));
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume-other', allow('sts:AssumeRole', arn));
  await assertAwsError(
    w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(PARTNER_USER, 'sts:AssumeRole', arn, noTrust('sts:AssumeRole')),
  );
});

test('cross account: a trust naming the partner user directly still needs the partner identity policy', async () => {
  const arn = await role(w, 'DirectTrust', trust({ AWS: PARTNER_USER }));
  const stranger = await userWithKey(w, w.partnerRoot, 'stranger');
  await assertAwsError(
    w.sts(stranger).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(`arn:aws:iam::${PARTNER}:user/stranger`, 'sts:AssumeRole', arn, noTrust('sts:AssumeRole')),
  );
  const partnerSts = w.sts(w.partner);
  // partner holds `assume` for EKSReadOnly only (first test): not for this role.
  await assertAwsError(
    partnerSts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(PARTNER_USER, 'sts:AssumeRole', arn, noIdentity('sts:AssumeRole')),
  );
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume-direct', allow('sts:AssumeRole', arn));
  const out = await partnerSts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' }));
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/DirectTrust/s1`);
});

test('same account: a trust naming the account needs an identity Allow; naming the user directly does not', async () => {
  const alice = await userWithKey(w, w.f.root, 'alice');
  const aliceArn = `arn:aws:iam::${ACCOUNT}:user/alice`;
  const viaAccount = await role(w, 'ViaAccount', trust({ AWS: ACCOUNT }));
  const direct = await role(w, 'ViaUser', trust({ AWS: aliceArn }));
  const sts = w.sts(alice);
  await assertAwsError(
    sts.send(new AssumeRoleCommand({ RoleArn: viaAccount, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(aliceArn, 'sts:AssumeRole', viaAccount, noIdentity('sts:AssumeRole')),
  );
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: direct, RoleSessionName: 's1' }));
  assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/ViaUser/s1`);

  await putUserPolicy(w, w.f.root, 'alice', 'assume', allow('sts:AssumeRole', viaAccount));
  assert.ok((await sts.send(new AssumeRoleCommand({ RoleArn: viaAccount, RoleSessionName: 's1' }))).Credentials);
});

test('a role that does not exist is refused exactly like one whose trust policy does not allow the caller', async () => {
  const missing = `arn:aws:iam::${ACCOUNT}:role/NoSuchRole`;
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume-missing', allow('sts:AssumeRole', missing));
  await assertAwsError(
    w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(PARTNER_USER, 'sts:AssumeRole', missing, noTrust('sts:AssumeRole')),
  );
});

test('aws:PrincipalArn and aws:PrincipalTag conditions in a trust policy see the caller', async () => {
  const byArn = await role(w, 'ByPrincipalArn', trust({ AWS: PARTNER }, { Condition: { ArnEquals: { 'aws:PrincipalArn': PARTNER_USER } } }));
  const byTag = await role(w, 'ByPrincipalTag', trust({ AWS: PARTNER }, { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'platform' } } }));
  const policy = allow('sts:AssumeRole', [byArn, byTag]);
  const other = await userWithKey(w, w.partnerRoot, 'other', policy);
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume-conditions', policy);
  const otherArn = `arn:aws:iam::${PARTNER}:user/other`;

  assert.ok((await w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: byArn, RoleSessionName: 's1' }))).Credentials);
  await assertAwsError(
    w.sts(other).send(new AssumeRoleCommand({ RoleArn: byArn, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(otherArn, 'sts:AssumeRole', byArn, noTrust('sts:AssumeRole')),
  );

  await assertAwsError(
    w.sts(other).send(new AssumeRoleCommand({ RoleArn: byTag, RoleSessionName: 's1' })),
    'AccessDenied', 403, denied(otherArn, 'sts:AssumeRole', byTag, noTrust('sts:AssumeRole')),
  );
  await w.iam(w.partnerRoot).send(new TagUserCommand({ UserName: 'other', Tags: [{ Key: 'team', Value: 'platform' }] }));
  assert.ok((await w.sts(other).send(new AssumeRoleCommand({ RoleArn: byTag, RoleSessionName: 's1' }))).Credentials);
});

test('an explicit Deny in the trust policy, or in the caller identity policy, says where it is', async () => {
  const statements = [
    { Effect: 'Allow', Principal: { AWS: PARTNER }, Action: 'sts:AssumeRole' },
    { Effect: 'Deny', Principal: { AWS: PARTNER_USER }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:RoleSessionName': 'blocked' } } },
  ];
  const arn = await role(w, 'DenyInTrust', JSON.stringify({ Version: '2012-10-17', Statement: statements }));
  await putUserPolicy(w, w.partnerRoot, 'partner', 'assume-deny-in-trust', allow('sts:AssumeRole', arn));
  const sts = w.sts(w.partner);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'blocked' })), 'AccessDenied', 403,
    denied(PARTNER_USER, 'sts:AssumeRole', arn, 'with an explicit deny in the role trust policy'));
  assert.ok((await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'fine' }))).Credentials);

  const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: arn }] });
  await putUserPolicy(w, w.partnerRoot, 'partner', 'deny-deny-in-trust', deny);
  await assertAwsError(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'fine' })), 'AccessDenied', 403,
    denied(PARTNER_USER, 'sts:AssumeRole', arn, 'with an explicit deny in an identity-based policy'));
});

test('the root user may not assume roles, in its own account or another', async () => {
  const arn = await role(w, 'RootTarget', trust({ AWS: [ACCOUNT, PARTNER] }));
  for (const credentials of [w.f.root, w.partnerRoot]) {
    await assertAwsError(w.sts(credentials).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 's1' })), 'AccessDenied', 403, 'Roles may not be assumed by root accounts.');
  }
});

test('a RoleArn that is not an ARN is a ValidationError', async () => {
  await assertAwsError(
    w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: 'nothing-valid-in-here', RoleSessionName: 's1' })),
    'ValidationError', 400, 'nothing-valid-in-here is invalid',
  );
  await assertAwsError(
    w.sts(w.partner).send(new AssumeRoleCommand({ RoleArn: 'arn:a:::something/test-role', RoleSessionName: 's1' })),
    'ValidationError', 400, 'arn:a:::something/test-role is invalid',
  );
});
