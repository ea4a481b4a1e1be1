/**
 * From a verified IAM identity to the Kubernetes user, as EKS maps it
 * (docs/aws-behaviour/eks-kubernetes-identity.md). The cluster's authentication mode picks the
 * sources: `API` access entries only, `CONFIG_MAP` the aws-auth ConfigMap only, `API_AND_CONFIG_MAP`
 * both, an access entry winning over aws-auth for the same principal. An access entry matches the
 * IAM user, or the role behind a role session (by its ARN, path included); aws-auth matches the
 * canonical ARN. In CONFIG_MAP mode the cluster creator is mapped to `system:masters` without
 * appearing in aws-auth, and the node and Fargate roles of the cluster are mapped as EKS maps them.
 * An identity no source maps is not authenticated (401).
 */
import type { AccessEntryState, ClusterState } from '../../services/eks/shared/eks-state.ts';
import type { StsIdentity } from '../authn/sts-identity.ts';
import { awsAuthMapping, type AwsAuth } from './aws-auth.ts';
import { withAuthenticated, type UserInfo } from './user-info.ts';
import { renderTemplate, TemplateRefused } from './username-template.ts';

/** What EKS knows of a cluster's principals. */
export interface ClusterPrincipals {
  readonly cluster: ClusterState;
  readonly region: string;
  /** Access entries by principal ARN. */
  readonly entries: ReadonlyMap<string, AccessEntryState>;
  /** Node group and Fargate roles by lower-cased canonical ARN (mapped in CONFIG_MAP mode). */
  readonly nodeRoles: ReadonlyMap<string, 'node' | 'fargate'>;
}

/** A mapped user, with what mapped it. */
export interface MappedUser {
  readonly user: UserInfo;
  /** `access entry`, `aws-auth mapRoles`, `aws-auth mapUsers`, `aws-auth mapAccounts`, `cluster creator`, `node role`, `Fargate role`. */
  readonly source: string;
  /** The access entry, whose access policies then take part in authorization. */
  readonly entry?: AccessEntryState;
}

/** The outcome of mapping. */
export type Mapping = { readonly ok: true; readonly mapped: MappedUser } | { readonly ok: false; readonly reason: string };

/** The user name the cluster creator gets in CONFIG_MAP mode. */
export const CREATOR_USERNAME = 'kubernetes-admin';

/** The extras aws-iam-authenticator attaches, keys in Go's (sorted) map order. */
export function authenticatorExtra(identity: StsIdentity): Record<string, string[]> {
  return {
    accessKeyId: [identity.accessKeyId],
    arn: [identity.arn],
    canonicalArn: [identity.canonicalArn],
    principalId: [identity.userId],
    sessionName: [identity.sessionName],
    'sigs.k8s.io/aws-iam-authenticator/principalId': [identity.userId],
  };
}

function user(identity: StsIdentity, username: string, groups: readonly string[]): UserInfo {
  return { username, uid: `aws-iam-authenticator:${identity.accountId}:${identity.userId}`, groups: withAuthenticated(groups), extra: authenticatorExtra(identity) };
}

function render(template: string, identity: StsIdentity, region: string): string {
  return renderTemplate(template, identity, region);
}

/**
 * Maps `identity` (whose IAM principal ARN, path included, is `principalArn`; undefined for root or
 * federated users) to a Kubernetes user of the cluster.
 */
export function mapIdentity(identity: StsIdentity, principalArn: string | undefined, principals: ClusterPrincipals, awsAuth: AwsAuth): Mapping {
  const { cluster, region } = principals;
  const mode = cluster.accessConfig.authenticationMode;
  try {
    if (mode !== 'CONFIG_MAP' && principalArn !== undefined) {
      const entry = principals.entries.get(principalArn);
      if (entry) {
        const username = render(entry.username, identity, region);
        return { ok: true, mapped: { user: user(identity, username, entry.kubernetesGroups), source: 'access entry', entry } };
      }
    }
    if (mode === 'API') return { ok: false, reason: `no access entry for ${principalArn ?? identity.arn} in cluster ${cluster.name}` };
    if (mode === 'CONFIG_MAP') {
      if (principalArn !== undefined && principalArn === cluster.creatorArn) {
        return { ok: true, mapped: { user: user(identity, CREATOR_USERNAME, ['system:masters']), source: 'cluster creator' } };
      }
      const nodeRole = principals.nodeRoles.get(identity.canonicalArn.toLowerCase());
      if (nodeRole === 'node') {
        return { ok: true, mapped: { user: user(identity, render('system:node:{{EC2PrivateDNSName}}', identity, region), ['system:bootstrappers', 'system:nodes']), source: 'node role' } };
      }
      if (nodeRole === 'fargate') {
        return { ok: true, mapped: { user: user(identity, render('system:node:{{SessionName}}', identity, region), ['system:bootstrappers', 'system:nodes', 'system:node-proxier']), source: 'Fargate role' } };
      }
    }
    const found = awsAuthMapping(awsAuth, identity.canonicalArn);
    if (found) {
      const groups = found.mapping.groups.map((g) => render(g, identity, region));
      return { ok: true, mapped: { user: user(identity, render(found.mapping.username, identity, region), groups), source: `aws-auth ${found.from}` } };
    }
    if (awsAuth.accounts.includes(identity.accountId)) {
      return { ok: true, mapped: { user: user(identity, identity.canonicalArn, []), source: 'aws-auth mapAccounts' } };
    }
    return { ok: false, reason: `ARN is not mapped: ${identity.canonicalArn.toLowerCase()}` };
  } catch (error) {
    if (error instanceof TemplateRefused) return { ok: false, reason: `renderTemplates error: ${error.message}` };
    throw error;
  }
}
