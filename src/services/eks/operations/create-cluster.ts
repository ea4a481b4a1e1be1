/**
 * eks:CreateCluster `POST /clusters` (docs/aws-behaviour/eks-clusters-and-lifecycle.md; checks per docs/aws-behaviour/eks-passed-roles.md): eks:CreateCluster on the
 * prospective cluster ARN with tag and `eks:` keys, iam:PassRole on `roleArn` (PassedToService
 * eks.amazonaws.com), iam:CreateServiceLinkedRole while AWSServiceRoleForAmazonEKS is missing; then
 * name in use (409, unless the same clientRequestToken retries), role existence and trust (400).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { defineOperation } from '../../operation.ts';
import { callerPrincipalArn } from '../access-entries/access-entry-defaults.ts';
import { createAccessEntryState } from '../access-entries/access-entry-state.ts';
import { createCaCertificate, sealCaKey } from '../clusters/ca-certificate.ts';
import { clusterConfigContext } from '../clusters/cluster-context.ts';
import { clusterToWire } from '../clusters/cluster-wire.ts';
import { clusterArn } from '../shared/eks-arns.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { invalidParameter, resourceInUse } from '../shared/eks-errors.ts';
import type { ClusterState } from '../shared/eks-state.ts';
import { DEFAULT_KUBERNETES_VERSION, kubernetesVersion } from '../clusters/eks-versions.ts';
import { claimKubernetesPort, DEFAULT_KUBERNETES_PORTS } from '../clusters/kubernetes-endpoint.ts';
import { delayMs } from '../shared/lifecycle.ts';
import { ensureServiceLinkedRole, passExistingRoleCheck, roleTrustsService, serviceLinkedRoleChecks } from '../shared/role-checks.ts';
import { requestTagContext } from '../tags/tag-context.ts';
import type { CreateClusterRequest } from '../../../model-types/eks.ts';

const SERVICE = 'eks.amazonaws.com';
const LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function validate(input: CreateClusterRequest): void {
  const fields = { clusterName: input.name };
  if (input.version !== undefined && !kubernetesVersion(input.version)) throw invalidParameter(`unsupported Kubernetes version ${input.version}`, fields);
  if ((input.resourcesVpcConfig.subnetIds ?? []).length < 2) throw invalidParameter('Subnets specified must be in at least two different AZs', fields);
  const access = input.accessConfig;
  if ((access?.authenticationMode ?? 'CONFIG_MAP') === 'CONFIG_MAP' && access?.bootstrapClusterCreatorAdminPermissions === false) {
    throw invalidParameter('bootstrapClusterCreatorAdminPermissions must be true if cluster authentication mode is set to CONFIG_MAP', fields);
  }
}

export const createCluster = defineOperation('eks', 'CreateCluster', {
  authorize: async (input, ctx) => [
    { action: 'eks:CreateCluster', resource: clusterArn(ctx.region, ctx.caller.accountId, input.name), context: { ...requestTagContext(input.tags), ...clusterConfigContext(input) } },
    await passExistingRoleCheck(ctx, input.roleArn, SERVICE, clusterArn(ctx.region, ctx.caller.accountId, input.name)),
    ...(await serviceLinkedRoleChecks(ctx, SERVICE)),
  ],
  handle: async (input, ctx) => {
    validate(input);
    const now = ctx.clock.now();
    const existing = await new EksDocuments(ctx).cluster(input.name);
    if (existing) {
      if (input.clientRequestToken !== undefined && existing.clientRequestToken === input.clientRequestToken) return { cluster: clusterToWire(existing, now, ctx.region) };
      throw resourceInUse(`Cluster already exists with name: ${input.name}`, { clusterName: input.name });
    }
    if (!(await roleTrustsService(ctx, input.roleArn, SERVICE))) {
      throw invalidParameter(`Role with arn: ${input.roleArn}, could not be assumed because it does not exist or the trusted entity is not correct`, { clusterName: input.name });
    }
    const version = kubernetesVersion(input.version ?? DEFAULT_KUBERNETES_VERSION)!;
    const ca = await createCaCertificate(now);
    const vpc = input.resourcesVpcConfig;
    const mode = input.accessConfig?.authenticationMode ?? 'CONFIG_MAP';
    const bootstrap = input.accessConfig?.bootstrapClusterCreatorAdminPermissions ?? true;
    const creator = callerPrincipalArn(ctx.caller.principal);
    const enabledLogs = new Set((input.logging?.clusterLogging ?? []).flatMap((l) => (l.enabled ? l.types ?? [] : [])));
    const cluster: ClusterState = {
      name: input.name,
      arn: clusterArn(ctx.region, ctx.caller.accountId, input.name),
      id: randomUUID(),
      endpointId: hex(16).toUpperCase(),
      createdAt: now,
      readyAt: now + delayMs(ctx),
      version: version.version,
      platformVersion: version.platformVersion,
      roleArn: input.roleArn,
      resourcesVpcConfig: {
        subnetIds: [...(vpc.subnetIds ?? [])],
        securityGroupIds: [...(vpc.securityGroupIds ?? [])],
        clusterSecurityGroupId: `sg-${hex(9).slice(0, 17)}`,
        vpcId: `vpc-${Buffer.from(vpc.subnetIds?.[0] ?? input.name).toString('hex').padEnd(17, '0').slice(0, 17)}`,
        endpointPublicAccess: vpc.endpointPublicAccess ?? true,
        endpointPrivateAccess: vpc.endpointPrivateAccess ?? false,
        publicAccessCidrs: [...(vpc.publicAccessCidrs ?? ['0.0.0.0/0'])],
      },
      kubernetesNetworkConfig: { serviceIpv4Cidr: input.kubernetesNetworkConfig?.serviceIpv4Cidr ?? '10.100.0.0/16', ipFamily: input.kubernetesNetworkConfig?.ipFamily ?? 'ipv4' },
      logging: {
        clusterLogging: [
          ...(enabledLogs.size > 0 ? [{ types: LOG_TYPES.filter((t) => enabledLogs.has(t)), enabled: true }] : []),
          ...(enabledLogs.size < LOG_TYPES.length ? [{ types: LOG_TYPES.filter((t) => !enabledLogs.has(t)), enabled: false }] : []),
        ],
      },
      accessConfig: { authenticationMode: mode, bootstrapClusterCreatorAdminPermissions: bootstrap },
      upgradePolicy: { supportType: input.upgradePolicy?.supportType ?? 'EXTENDED' },
      tags: { ...input.tags },
      certificateData: Buffer.from(ca.pem, 'utf8').toString('base64'),
      caKey: sealCaKey(ctx.secrets, ca.privateKey),
      creatorArn: creator,
      clientRequestToken: input.clientRequestToken,
    };
    const created = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      if (await docs.cluster(input.name)) throw resourceInUse(`Cluster already exists with name: ${input.name}`, { clusterName: input.name });
      const owner = { accountId: ctx.caller.accountId, region: ctx.region, cluster: cluster.name, clusterUid: cluster.id };
      const withPort: ClusterState = { ...cluster, kubernetesPort: await claimKubernetesPort(tx, owner, ctx.kubernetesPorts ?? DEFAULT_KUBERNETES_PORTS) };
      await docs.put('cluster', cluster.name, cluster.name, withPort);
      await ensureServiceLinkedRole(ctx, tx, SERVICE);
      if (mode !== 'CONFIG_MAP' && bootstrap && creator !== undefined) {
        const entry = createAccessEntryState(ctx, cluster.name, { principalArn: creator, type: 'STANDARD', kubernetesGroups: [], tags: {} }, now);
        await docs.put('accessentry', cluster.name, creator, {
          ...entry,
          policies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster', namespaces: [] }, associatedAt: now, modifiedAt: now }],
        });
      }
      return withPort;
    });
    return { cluster: clusterToWire(created, now, ctx.region) };
  },
});
