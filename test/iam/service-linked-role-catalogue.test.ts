// CreateServiceLinkedRole for the services AWS accepts, as AWS answers it (role name, path, trust,
// attached policy and CustomSuffix rules recorded against AWS), and the shipped catalogue's integrity.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CreateServiceLinkedRoleCommand, DeleteServiceLinkedRoleCommand, GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, type IAMClient,
} from '@aws-sdk/client-iam';
import { awsManagedPolicyCatalog } from '../../src/services/iam/aws-managed-policy-catalog.ts';
import { SERVICE_LINKED_ROLES } from '../../src/services/shared/service-linked-role-catalog.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { ACCOUNT, assertAwsError } from './identity-assertions.ts';

let f: TollgateFixture;
let root: IAMClient;
beforeEach(async () => {
  f = await startFixture();
  root = f.iam();
});
afterEach(() => f.close());

/** Service principal → role name and attached policy, as AWS answered GetRole and ListAttachedRolePolicies. */
const RECORDED: ReadonlyArray<readonly [service: string, roleName: string, policy: string]> = [
  ['ecs.amazonaws.com', 'AWSServiceRoleForECS', 'AmazonECSServiceRolePolicy'],
  ['rds.amazonaws.com', 'AWSServiceRoleForRDS', 'AmazonRDSServiceRolePolicy'],
  ['ssm.amazonaws.com', 'AWSServiceRoleForAmazonSSM', 'AmazonSSMServiceRolePolicy'],
  ['config.amazonaws.com', 'AWSServiceRoleForConfig', 'AWSConfigServiceRolePolicy'],
  ['elasticache.amazonaws.com', 'AWSServiceRoleForElastiCache', 'ElastiCacheServiceRolePolicy'],
  ['opensearchservice.amazonaws.com', 'AWSServiceRoleForAmazonOpenSearchService', 'AmazonOpenSearchServiceRolePolicy'],
  ['ecr.amazonaws.com', 'AWSServiceRoleForECRTemplate', 'ECRTemplateServiceRolePolicy'],
  ['emr-containers.amazonaws.com', 'AWSServiceRoleForAmazonEMRContainers', 'AmazonEMRContainersServiceRolePolicy'],
  ['batch.amazonaws.com', 'AWSServiceRoleForBatch', 'BatchServiceRolePolicy'],
  ['connect.amazonaws.com', 'AWSServiceRoleForAmazonConnect', 'AmazonConnectServiceLinkedRolePolicy'],
  ['lexv2.amazonaws.com', 'AWSServiceRoleForLexV2Bots', 'AmazonLexV2BotPolicy'],
  ['eks.amazonaws.com', 'AWSServiceRoleForAmazonEKS', 'AmazonEKSServiceRolePolicy'],
  ['eks-nodegroup.amazonaws.com', 'AWSServiceRoleForAmazonEKSNodegroup', 'AWSServiceRoleForAmazonEKSNodegroup'],
  ['eks-fargate.amazonaws.com', 'AWSServiceRoleForAmazonEKSForFargate', 'AmazonEKSForFargateServiceRolePolicy'],
  ['autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling', 'AutoScalingServiceRolePolicy'],
  ['elasticloadbalancing.amazonaws.com', 'AWSServiceRoleForElasticLoadBalancing', 'AWSElasticLoadBalancingServiceRolePolicy'],
  ['kafka.amazonaws.com', 'AWSServiceRoleForKafka', 'KafkaServiceRolePolicy'],
  ['cloudtrail.amazonaws.com', 'AWSServiceRoleForCloudTrail', 'CloudTrailServiceRolePolicy'],
  ['ops.apigateway.amazonaws.com', 'AWSServiceRoleForAPIGateway', 'APIGatewayServiceRolePolicy'],
  ['sso.amazonaws.com', 'AWSServiceRoleForSSO', 'AWSSSOServiceRolePolicy'],
];

const trustOf = (service: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

test('CreateServiceLinkedRole accepts the services AWS accepts: role name, path, trust and attached policy as AWS answers them', async () => {
  for (const [service, roleName, policy] of RECORDED) {
    const { Role } = await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service }));
    assert.equal(Role?.RoleName, roleName, service);
    assert.equal(Role?.Path, `/aws-service-role/${service}/`);
    assert.equal(Role?.Arn, `arn:aws:iam::${ACCOUNT}:role/aws-service-role/${service}/${roleName}`);
    assert.deepEqual(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)), trustOf(service));

    const got = (await root.send(new GetRoleCommand({ RoleName: roleName }))).Role!;
    assert.equal(got.MaxSessionDuration, 3600);
    assert.equal(got.Description, undefined, `${service}: AWS gives a role created through the API no description of its own`);
    assert.deepEqual(got.RoleLastUsed, {});
    const attached = await root.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
    assert.deepEqual(attached.AttachedPolicies, [{ PolicyName: policy, PolicyArn: `arn:aws:iam::aws:policy/aws-service-role/${policy}` }], service);
    assert.deepEqual((await root.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames, []);
  }
});

test('CreateServiceLinkedRole keeps a given Description', async () => {
  await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'memorydb.amazonaws.com', Description: 'for the cache' }));
  const { Role } = await root.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForMemoryDB' }));
  assert.equal(Role?.Description, 'for the cache');
});

test('CustomSuffix: refused where AWS refuses it, appended as _<suffix> where AWS accepts it', async () => {
  for (const service of ['ecs.amazonaws.com', 'eks.amazonaws.com', 'rds.amazonaws.com', 'elasticache.amazonaws.com']) {
    await assertAwsError(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix: 'mine' })), {
      name: 'InvalidInputException', code: 'InvalidInput', status: 400, message: `Custom suffix is not allowed for ${service}`,
    });
  }
  for (const [service, roleName, policy] of [
    ['autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling', 'AutoScalingServiceRolePolicy'],
    ['connect.amazonaws.com', 'AWSServiceRoleForAmazonConnect', 'AmazonConnectServiceLinkedRolePolicy'],
    ['lexv2.amazonaws.com', 'AWSServiceRoleForLexV2Bots', 'AmazonLexV2BotPolicy'],
  ] as const) {
    const { Role } = await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix: 'team-a' }));
    assert.equal(Role?.RoleName, `${roleName}_team-a`);
    assert.equal(Role?.Arn, `arn:aws:iam::${ACCOUNT}:role/aws-service-role/${service}/${roleName}_team-a`);
    const attached = await root.send(new ListAttachedRolePoliciesCommand({ RoleName: `${roleName}_team-a` }));
    assert.deepEqual(attached.AttachedPolicies?.map((p) => p.PolicyName), [policy]);
    await assertAwsError(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix: 'team-a' })), {
      name: 'InvalidInputException', code: 'InvalidInput', status: 400,
      message: `Service role name ${roleName}_team-a has been taken in this account, please try a different suffix.`,
    });
  }
});

test('a service-linked role of the catalogue can be deleted and created again', async () => {
  await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'backup.amazonaws.com' }));
  const { DeletionTaskId } = await root.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForBackup' }));
  assert.match(DeletionTaskId ?? '', /^task\/aws-service-role\/backup\.amazonaws\.com\/AWSServiceRoleForBackup\/[0-9a-f-]{36}$/);
  const again = await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'backup.amazonaws.com' }));
  assert.equal(again.Role?.RoleName, 'AWSServiceRoleForBackup');
});

test('a service without a service-linked role is refused with InvalidInput and nothing is created', async () => {
  await assertAwsError(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'nosuchservice.amazonaws.com' })), {
    name: 'InvalidInputException', code: 'InvalidInput', status: 400, message: /nosuchservice\.amazonaws\.com/,
  });
  await assertAwsError(root.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForNosuchservice' })), {
    name: 'NoSuchEntityException', code: 'NoSuchEntity', status: 404, message: 'The role with name AWSServiceRoleForNosuchservice cannot be found.',
  });
});

test('the catalogue: well over a hundred services, each policy an AWS managed service-linked role policy, the file as the script builds it', () => {
  const roles = SERVICE_LINKED_ROLES.list();
  assert.ok(roles.length >= 200, `${roles.length} services`);
  const managed = awsManagedPolicyCatalog(JSON.parse(readFileSync(new URL('../../data/aws-managed-policies.json', import.meta.url), 'utf8')));
  for (const spec of roles) {
    assert.equal(spec.path, `/aws-service-role/${spec.service}/`);
    assert.match(spec.roleName, /^[\w+=,.@-]{1,64}$/);
    for (const arn of spec.policyArns) {
      assert.equal(managed.get(arn)?.path, '/aws-service-role/', `${spec.service}: ${arn}`);
    }
  }
  const names = roles.map((r) => r.roleName);
  assert.equal(new Set(names).size, names.length, 'no two services share a role name');
  const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-service-linked-roles.ts', '--check'], {
    cwd: new URL('../..', import.meta.url), encoding: 'utf8',
  });
  assert.equal(check.status, 0, check.stderr);
});
