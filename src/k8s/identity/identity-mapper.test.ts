import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessEntryState, ClusterState } from '../../services/eks/shared/eks-state.ts';
import type { StsIdentity } from '../authn/sts-identity.ts';
import { awsAuthMapping, EMPTY_AWS_AUTH, parseAwsAuth } from './aws-auth.ts';
import { mapIdentity, type ClusterPrincipals } from './identity-mapper.ts';
import { privateDnsName, renderTemplate } from './username-template.ts';

const ACCOUNT = '111122223333';
const ROLE_SESSION: StsIdentity = {
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice@example.com`, canonicalArn: `arn:aws:iam::${ACCOUNT}:role/dev`, accountId: ACCOUNT,
  userId: 'AROAEXAMPLE123456789', sessionName: 'alice@example.com', accessKeyId: 'ASIAEXAMPLE', principalType: 'assumed-role',
};
const USER: StsIdentity = { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, canonicalArn: `arn:aws:iam::${ACCOUNT}:user/bob`, accountId: ACCOUNT, userId: 'AIDAEXAMPLE123456789', sessionName: '', accessKeyId: 'AKIAEXAMPLE', principalType: 'user' };

function cluster(mode: string, creatorArn?: string): ClusterState {
  return { name: 'demo', accessConfig: { authenticationMode: mode, bootstrapClusterCreatorAdminPermissions: true }, creatorArn } as unknown as ClusterState;
}

function entry(principalArn: string, username: string, groups: string[] = []): AccessEntryState {
  return { principalArn, username, kubernetesGroups: groups, policies: [] } as unknown as AccessEntryState;
}

function principals(mode: string, entries: AccessEntryState[] = [], options: { creatorArn?: string; nodeRoles?: Map<string, 'node' | 'fargate'> } = {}): ClusterPrincipals {
  return { cluster: cluster(mode, options.creatorArn), region: 'us-west-2', entries: new Map(entries.map((e) => [e.principalArn, e])), nodeRoles: options.nodeRoles ?? new Map() };
}

const ROLE_WITH_PATH = `arn:aws:iam::${ACCOUNT}:role/teams/dev`;
const AWS_AUTH = parseAwsAuth({
  mapRoles: `- rolearn: arn:aws:iam::${ACCOUNT}:role/dev\n  username: dev:{{SessionName}}\n  groups: [system:masters, "team-{{AccountID}}"]\n`,
  mapUsers: `- UserARN: arn:aws:iam::${ACCOUNT}:user/BOB\n  Username: bob-from-configmap\n  Groups: [readers]\n`,
  mapAccounts: '- "444455556666"\n',
});

describe('identity mapping', () => {
  it('API mode: the access entry of the role behind the session, its template rendered; extras and uid as the authenticator sets them', () => {
    const mapped = mapIdentity(ROLE_SESSION, ROLE_WITH_PATH, principals('API', [entry(ROLE_WITH_PATH, `arn:aws:sts::${ACCOUNT}:assumed-role/dev/{{SessionName}}`, ['devs'])]), AWS_AUTH);
    assert.ok(mapped.ok);
    assert.equal(mapped.mapped.source, 'access entry');
    assert.equal(mapped.mapped.user.username, `arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice-example.com`);
    assert.deepEqual(mapped.mapped.user.groups, ['devs', 'system:authenticated']);
    assert.equal(mapped.mapped.user.uid, `aws-iam-authenticator:${ACCOUNT}:AROAEXAMPLE123456789`);
    assert.deepEqual(mapped.mapped.user.extra, {
      accessKeyId: ['ASIAEXAMPLE'], arn: [ROLE_SESSION.arn], canonicalArn: [ROLE_SESSION.canonicalArn], principalId: ['AROAEXAMPLE123456789'],
      sessionName: ['alice@example.com'], 'sigs.k8s.io/aws-iam-authenticator/principalId': ['AROAEXAMPLE123456789'],
    });
  });

  it('API mode ignores aws-auth; CONFIG_MAP ignores access entries; both: the entry wins, then aws-auth', () => {
    assert.deepEqual(mapIdentity(ROLE_SESSION, ROLE_WITH_PATH, principals('API'), AWS_AUTH), { ok: false, reason: `no access entry for ${ROLE_WITH_PATH} in cluster demo` });
    const configMap = mapIdentity(ROLE_SESSION, ROLE_WITH_PATH, principals('CONFIG_MAP', [entry(ROLE_WITH_PATH, 'from-entry')]), AWS_AUTH);
    assert.ok(configMap.ok);
    assert.deepEqual([configMap.mapped.source, configMap.mapped.user.username, configMap.mapped.user.groups], ['aws-auth mapRoles', 'dev:alice-example.com', ['system:masters', `team-${ACCOUNT}`, 'system:authenticated']]);
    const both = mapIdentity(ROLE_SESSION, ROLE_WITH_PATH, principals('API_AND_CONFIG_MAP', [entry(ROLE_WITH_PATH, 'from-entry')]), AWS_AUTH);
    assert.ok(both.ok);
    assert.equal(both.mapped.user.username, 'from-entry');
    const fallback = mapIdentity(ROLE_SESSION, ROLE_WITH_PATH, principals('API_AND_CONFIG_MAP'), AWS_AUTH);
    assert.ok(fallback.ok);
    assert.equal(fallback.mapped.source, 'aws-auth mapRoles');
  });

  it('aws-auth: user ARNs match ignoring case, keys in any case; mapAccounts maps the canonical ARN with no groups; unmapped is refused', () => {
    const user = mapIdentity(USER, USER.arn, principals('CONFIG_MAP'), AWS_AUTH);
    assert.ok(user.ok);
    assert.deepEqual([user.mapped.source, user.mapped.user.username, user.mapped.user.groups], ['aws-auth mapUsers', 'bob-from-configmap', ['readers', 'system:authenticated']]);
    const partner = { ...USER, accountId: '444455556666', arn: 'arn:aws:iam::444455556666:user/x', canonicalArn: 'arn:aws:iam::444455556666:user/x' };
    const account = mapIdentity(partner, partner.arn, principals('CONFIG_MAP'), AWS_AUTH);
    assert.ok(account.ok);
    assert.deepEqual([account.mapped.source, account.mapped.user.username, account.mapped.user.groups], ['aws-auth mapAccounts', partner.arn, ['system:authenticated']]);
    assert.deepEqual(mapIdentity(USER, USER.arn, principals('CONFIG_MAP'), EMPTY_AWS_AUTH), { ok: false, reason: `ARN is not mapped: arn:aws:iam::${ACCOUNT}:user/bob` });
  });

  it('a rolearn written with the role path never matches a session, whose canonical ARN has no path', () => {
    const withPath = parseAwsAuth({ mapRoles: `- rolearn: ${ROLE_WITH_PATH}\n  username: ops\n  groups: [system:masters]\n` });
    assert.equal(awsAuthMapping(withPath, ROLE_SESSION.canonicalArn), undefined);
    assert.equal(mapIdentity(ROLE_SESSION, ROLE_WITH_PATH, principals('CONFIG_MAP'), withPath).ok, false);
  });

  it('CONFIG_MAP: the creator is kubernetes-admin in system:masters; node and Fargate roles map as EKS maps them', () => {
    const creator = mapIdentity(USER, USER.arn, principals('CONFIG_MAP', [], { creatorArn: USER.arn }), EMPTY_AWS_AUTH);
    assert.ok(creator.ok);
    assert.deepEqual([creator.mapped.user.username, creator.mapped.user.groups], ['kubernetes-admin', ['system:masters', 'system:authenticated']]);
    const node = { ...ROLE_SESSION, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/nodes/i-0123456789abcdef0`, canonicalArn: `arn:aws:iam::${ACCOUNT}:role/nodes`, sessionName: 'i-0123456789abcdef0' };
    const nodeRoles = new Map<string, 'node' | 'fargate'>([[`arn:aws:iam::${ACCOUNT}:role/nodes`, 'node']]);
    const mappedNode = mapIdentity(node, undefined, principals('CONFIG_MAP', [], { nodeRoles }), EMPTY_AWS_AUTH);
    assert.ok(mappedNode.ok);
    assert.deepEqual([mappedNode.mapped.user.username, mappedNode.mapped.user.groups], [`system:node:${privateDnsName('i-0123456789abcdef0', 'us-west-2')}`, ['system:bootstrappers', 'system:nodes', 'system:authenticated']]);
    const notAnInstance = mapIdentity({ ...node, sessionName: 'laptop' }, undefined, principals('CONFIG_MAP', [], { nodeRoles }), EMPTY_AWS_AUTH);
    assert.deepEqual(notAnInstance, { ok: false, reason: 'renderTemplates error: SessionName did not contain an instance id' });
  });

  it('templates: {{SessionName}} turns @ into -, {{SessionNameRaw}} keeps it, {{AccountID}} and {{AccessKeyID}}', () => {
    assert.equal(renderTemplate('{{SessionName}}|{{SessionNameRaw}}|{{AccountID}}|{{AccessKeyID}}', ROLE_SESSION, 'us-west-2'), `alice-example.com|alice@example.com|${ACCOUNT}|ASIAEXAMPLE`);
    assert.match(privateDnsName('i-0123456789abcdef0', 'us-east-1'), /^ip-10-\d+-\d+-\d+\.ec2\.internal$/);
    assert.match(privateDnsName('i-0123456789abcdef0', 'eu-west-1'), /^ip-10-\d+-\d+-\d+\.eu-west-1\.compute\.internal$/);
  });

  it('aws-auth: malformed parts are skipped and reported, the rest kept', () => {
    const auth = parseAwsAuth({ mapRoles: `- username: no-arn\n- rolearn: arn:aws:iam::${ACCOUNT}:role/ok\n  username: ok\n`, mapUsers: '{not: [valid', mapAccounts: '""' });
    assert.deepEqual(auth.roles.map((r) => r.username), ['ok']);
    assert.deepEqual(auth.users, []);
    assert.deepEqual(auth.accounts, []);
    assert.equal(auth.problems.length, 2);
    assert.equal(auth.problems[0], 'one of rolearn or SSO must be supplied');
  });
});
