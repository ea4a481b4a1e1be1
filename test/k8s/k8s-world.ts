/**
 * Shared setup of the Kubernetes endpoint tests: one real Tollgate per test file (port 0, a short EKS
 * delay), an IAM user `admin` with AdministratorAccess who creates the clusters, helpers for users,
 * roles, access entries and kubectl runs, all through the real AWS SDK, AWS CLI and kubectl.
 */
import {
  AssociateAccessPolicyCommand, CreateAccessEntryCommand, CreateClusterCommand, DescribeClusterCommand, type AccessScope, type AuthenticationMode,
} from '@aws-sdk/client-eks';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceRole, VPC } from '../eks/eks-helpers.ts';
import { Kubectl, type TokenMode } from '../support/kubectl.ts';
import { startFixture, type Credentials, type TollgateFixture } from '../support/tollgate-fixture.ts';

export const ACCOUNT = '111122223333';
export const REGION = 'us-west-2';
export const POLICY = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`;

/** A test file's server and helpers. */
export interface K8sWorld {
  readonly f: TollgateFixture;
  readonly iam: IAMClient;
  /** The IAM user `admin` (AdministratorAccess), creator of the clusters. */
  readonly admin: Credentials;
  /** Creates IAM user `name` with an access key (no policies). */
  user(name: string, iam?: IAMClient): Promise<Credentials>;
  /** Creates a cluster as `admin` and waits until it is ACTIVE. */
  cluster(name: string, mode: AuthenticationMode, bootstrap?: boolean): Promise<void>;
  /** An access entry for `principalArn` with policies, as `admin`. */
  accessEntry(cluster: string, principalArn: string, options?: { username?: string; groups?: string[]; policies?: { name: string; scope: AccessScope }[] }): Promise<void>;
  /**
   * A kubeconfig of `cluster` for `caller`: written by `aws eks update-kubeconfig` as admin (once per
   * cluster), with a token minted by `aws eks get-token` as the caller, or (`token: 'exec'`) the plugin itself.
   */
  kubectl(cluster: string, caller: Credentials, options?: { token?: TokenMode }): Promise<Kubectl>;
  close(): Promise<void>;
}

/** Starts a world. */
export async function startK8sWorld(): Promise<K8sWorld> {
  const f = await startFixture({ eksDelaySeconds: 0.05 });
  const iam = f.iam();
  await createServiceRole(iam, 'eks-cluster-role', 'eks.amazonaws.com');
  const user = async (name: string, client = iam): Promise<Credentials> => {
    await client.send(new CreateUserCommand({ UserName: name }));
    const key = (await client.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  };
  const admin = await user('admin');
  await iam.send(new AttachUserPolicyCommand({ UserName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  const eks = f.eks(admin, REGION);
  const kubectls: Kubectl[] = [];
  const written = new Map<string, Promise<Kubectl>>();
  // One discovery cache for every kubeconfig, as on one laptop (~/.kube/cache).
  const cacheDir = mkdtempSync(join(tmpdir(), 'tollgate-kube-cache-'));
  return {
    f, iam, admin, user,
    cluster: async (name, mode, bootstrap = true) => {
      await eks.send(new CreateClusterCommand({
        name, roleArn: `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`, resourcesVpcConfig: VPC,
        accessConfig: { authenticationMode: mode, bootstrapClusterCreatorAdminPermissions: bootstrap },
      }));
      for (let i = 0; i < 200; i += 1) {
        if ((await eks.send(new DescribeClusterCommand({ name }))).cluster?.status === 'ACTIVE') return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`cluster ${name} did not become ACTIVE`);
    },
    accessEntry: async (cluster, principalArn, options = {}) => {
      await eks.send(new CreateAccessEntryCommand({ clusterName: cluster, principalArn, username: options.username, kubernetesGroups: options.groups }));
      for (const policy of options.policies ?? []) {
        await eks.send(new AssociateAccessPolicyCommand({ clusterName: cluster, principalArn, policyArn: POLICY(policy.name), accessScope: policy.scope }));
      }
    },
    kubectl: async (cluster, caller, options = {}) => {
      if (options.token === 'exec') {
        const kubectl = await Kubectl.create(f.url, { describer: admin, caller, region: REGION, cluster, token: 'exec' });
        kubectls.push(kubectl);
        return kubectl;
      }
      let base = written.get(cluster);
      if (!base) written.set(cluster, (base = Kubectl.create(f.url, { describer: admin, region: REGION, cluster, token: 'minted', cacheDir })));
      const first = await base;
      if (!kubectls.includes(first)) kubectls.push(first);
      if (caller === admin) return first;
      const kubectl = await first.forCaller(caller);
      kubectls.push(kubectl);
      return kubectl;
    },
    close: async () => {
      for (const k of kubectls) k.dispose();
      rmSync(cacheDir, { recursive: true, force: true });
      await f.close();
    },
  };
}
