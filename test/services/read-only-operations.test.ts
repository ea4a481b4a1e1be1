// The read-only flag is honest: every implemented operation whose action the Service Authorization
// Reference lists as List or Read (src/services/access-levels.ts) changes nothing that a decision or
// a credential depends on, so it moves no account generation (store.ts) and drops no cache. Each runs
// through the server's binding (validated input) over a world that has one of everything it reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AssociateAccessPolicyCommand, CreateAccessEntryCommand, CreateAddonCommand, CreateClusterCommand, CreateFargateProfileCommand, CreateNodegroupCommand, UpdateClusterVersionCommand } from '@aws-sdk/client-eks';
import {
  AddUserToGroupCommand, AttachGroupPolicyCommand, AttachRolePolicyCommand, AttachUserPolicyCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateLoginProfileCommand,
  CreatePolicyCommand, CreateServiceLinkedRoleCommand, CreateUserCommand, DeleteServiceLinkedRoleCommand, PutGroupPolicyCommand, PutRolePolicyCommand, PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { randomIds } from '../../src/kernel/ids.ts';
import { managedPolicyCatalog } from '../../src/main.ts';
import { eksModel, iamModel, stsModel } from '../../src/protocol/models/index.ts';
import type { WireStructure } from '../../src/kernel/wire-value.ts';
import { serviceDefinition, type ServiceDefinition } from '../../src/server/service-definition.ts';
import { KUBERNETES_VERSIONS } from '../../src/services/eks/clusters/eks-versions.ts';
import { eksOperations } from '../../src/services/eks/index.ts';
import { iamOperations } from '../../src/services/iam/index.ts';
import type { Caller, OperationContext } from '../../src/services/operation.ts';
import { stsOperations } from '../../src/services/sts/index.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';

const ACCOUNT = '111122223333';
const POLICY = `arn:aws:iam::${ACCOUNT}:policy/ro-policy`;
const VIEW_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
const DOCUMENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'eks:List*', Resource: '*' }] });

let f: TollgateFixture;
const clock = new ManualClock(Date.now());
let samples: Record<string, Record<string, WireStructure>>;
let userCaller: Caller;

before(async () => {
  f = await startFixture({ clock });
  const iam = f.iam();
  await iam.send(new CreateUserCommand({ UserName: 'ro-user', Tags: [{ Key: 'team', Value: 'blue' }] }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'ro-user' }))).AccessKey!;
  await iam.send(new CreateLoginProfileCommand({ UserName: 'ro-user', Password: 'Tollgate-password-1' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'ro-group' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'ro-group', UserName: 'ro-user' }));
  const roleArn = await createServiceRole(iam, 'ro-role', 'eks.amazonaws.com');
  const nodeRole = await createServiceRole(iam, 'ro-node-role', 'ec2.amazonaws.com');
  const podRole = await createServiceRole(iam, 'ro-pod-role', 'eks-fargate-pods.amazonaws.com');
  await iam.send(new CreatePolicyCommand({ PolicyName: 'ro-policy', PolicyDocument: DOCUMENT, Tags: [{ Key: 'team', Value: 'blue' }] }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ro-user', PolicyArn: POLICY }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'ro-group', PolicyArn: POLICY }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ro-role', PolicyArn: POLICY }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'ro-user', PolicyName: 'inline', PolicyDocument: DOCUMENT }));
  await iam.send(new PutGroupPolicyCommand({ GroupName: 'ro-group', PolicyName: 'inline', PolicyDocument: DOCUMENT }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'ro-role', PolicyName: 'inline', PolicyDocument: DOCUMENT }));
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12 }));
  const linked = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com' }));
  const task = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: linked.Role!.RoleName! }));

  const eks = f.eks();
  const userArn = `arn:aws:iam::${ACCOUNT}:user/ro-user`;
  // An older version than the newest, so that an update (for DescribeUpdate) can move it one minor up.
  const [newer, older] = [KUBERNETES_VERSIONS[1]!.version, KUBERNETES_VERSIONS[2]!.version];
  await eks.send(new CreateClusterCommand({ name: 'ro', version: older, roleArn, resourcesVpcConfig: VPC, accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } }));
  clock.advance(60_000);
  await eks.send(new CreateNodegroupCommand({ clusterName: 'ro', nodegroupName: 'ng', nodeRole, subnets: VPC.subnetIds }));
  await eks.send(new CreateFargateProfileCommand({ clusterName: 'ro', fargateProfileName: 'fp', podExecutionRoleArn: podRole, selectors: [{ namespace: 'default' }] }));
  await eks.send(new CreateAddonCommand({ clusterName: 'ro', addonName: 'vpc-cni' }));
  await eks.send(new CreateAccessEntryCommand({ clusterName: 'ro', principalArn: userArn }));
  await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'ro', principalArn: userArn, policyArn: VIEW_POLICY, accessScope: { type: 'cluster' } }));
  clock.advance(60_000);
  const update = await eks.send(new UpdateClusterVersionCommand({ name: 'ro', version: newer }));

  const user = (await f.tollgate.runtime.store.users.get(ACCOUNT, 'ro-user'))!;
  userCaller = {
    principal: { type: 'User', accountId: ACCOUNT, arn: user.arn, name: user.name, uniqueId: user.id }, accountId: ACCOUNT, accessKeyId: key.AccessKeyId!, credentialType: 'user',
  };
  const cluster = { clusterName: 'ro' };
  samples = {
    iam: {
      GetAccessKeyLastUsed: { AccessKeyId: key.AccessKeyId! }, GetAccountAuthorizationDetails: {}, GetAccountPasswordPolicy: {}, GetAccountSummary: {},
      GetGroup: { GroupName: 'ro-group' }, GetGroupPolicy: { GroupName: 'ro-group', PolicyName: 'inline' }, GetLoginProfile: { UserName: 'ro-user' },
      GetPolicy: { PolicyArn: POLICY }, GetPolicyVersion: { PolicyArn: POLICY, VersionId: 'v1' }, GetRole: { RoleName: 'ro-role' },
      GetRolePolicy: { RoleName: 'ro-role', PolicyName: 'inline' }, GetServiceLinkedRoleDeletionStatus: { DeletionTaskId: task.DeletionTaskId! },
      GetUser: { UserName: 'ro-user' }, GetUserPolicy: { UserName: 'ro-user', PolicyName: 'inline' }, ListAccessKeys: { UserName: 'ro-user' },
      ListAttachedGroupPolicies: { GroupName: 'ro-group' }, ListAttachedRolePolicies: { RoleName: 'ro-role' }, ListAttachedUserPolicies: { UserName: 'ro-user' },
      ListEntitiesForPolicy: { PolicyArn: POLICY }, ListGroupPolicies: { GroupName: 'ro-group' }, ListGroups: {}, ListGroupsForUser: { UserName: 'ro-user' },
      ListPolicies: {}, ListPolicyTags: { PolicyArn: POLICY }, ListPolicyVersions: { PolicyArn: POLICY }, ListRolePolicies: { RoleName: 'ro-role' },
      ListRoleTags: { RoleName: 'ro-role' }, ListRoles: {}, ListUserPolicies: { UserName: 'ro-user' }, ListUserTags: { UserName: 'ro-user' }, ListUsers: {},
    },
    eks: {
      DescribeAccessEntry: { ...cluster, principalArn: userArn }, DescribeAddon: { ...cluster, addonName: 'vpc-cni' }, DescribeAddonVersions: {},
      DescribeCluster: { name: 'ro' }, DescribeFargateProfile: { ...cluster, fargateProfileName: 'fp' }, DescribeNodegroup: { ...cluster, nodegroupName: 'ng' },
      DescribeUpdate: { name: 'ro', updateId: update.update!.id! }, ListAccessEntries: cluster, ListAccessPolicies: {},
      ListAddons: cluster, ListAssociatedAccessPolicies: { ...cluster, principalArn: userArn }, ListClusters: {}, ListFargateProfiles: cluster,
      ListNodegroups: cluster, ListTagsForResource: { resourceArn: `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/ro` }, ListUpdates: { name: 'ro' },
    },
    sts: { GetCallerIdentity: {}, GetSessionToken: {} },
  };
});
after(() => f.close());

test('every operation the reference lists as List or Read moves no account generation', async () => {
  const runtime = f.tollgate.runtime;
  const services: Record<string, { definition: ServiceDefinition; names: string[] }> = {
    iam: { definition: serviceDefinition('iam', iamModel, iamOperations), names: Object.values(iamOperations).filter((o) => o.readOnly).map((o) => o.name) },
    eks: { definition: serviceDefinition('eks', eksModel, eksOperations), names: Object.values(eksOperations).filter((o) => o.readOnly).map((o) => o.name) },
    sts: { definition: serviceDefinition('sts', stsModel, stsOperations), names: Object.values(stsOperations).filter((o) => o.readOnly).map((o) => o.name) },
  };
  const moved: string[] = [];
  let ran = 0;
  for (const [service, { definition, names }] of Object.entries(services)) {
    for (const name of names) {
      const input = samples[service]?.[name];
      assert.ok(input, `${service}:${name} has no sample input in this test`);
      const ctx: OperationContext = {
        store: runtime.store, clock, ids: randomIds, secrets: runtime.secrets, managedPolicies: managedPolicyCatalog(), requestId: 'read-only',
        region: service === 'eks' ? 'us-west-2' : 'us-east-1', caller: userCaller,
      };
      const bound = definition.bind({ operation: name, input });
      assert.ok(bound?.operation.readOnly, `${service}:${name}`);
      const before = await runtime.store.accounts.generation(ACCOUNT);
      await bound.authorize(ctx);
      assert.ok(await bound.handle(ctx), `${service}:${name} answers`);
      if ((await runtime.store.accounts.generation(ACCOUNT)) !== before) moved.push(`${service}:${name}`);
      ran++;
    }
  }
  assert.ok(ran >= 49, `ran ${ran} read-only operations`);
  assert.deepEqual(moved, [], 'read-only operations that moved the account generation');
});
