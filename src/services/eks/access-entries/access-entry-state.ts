/** Building an access entry (docs/aws-behaviour/eks-access-entries.md), shared by CreateAccessEntry and CreateCluster's creator entry. */
import { randomUUID } from 'node:crypto';
import type { OperationContext } from '../../operation.ts';
import { defaultKubernetesGroups, defaultUsername } from './access-entry-defaults.ts';
import { accessEntryArn } from '../shared/eks-arns.ts';
import type { AccessEntryState, TagMap } from '../shared/eks-state.ts';

/** What an access entry is made from. */
export interface NewAccessEntry {
  readonly principalArn: string;
  readonly type: string;
  readonly kubernetesGroups: readonly string[];
  readonly username?: string | undefined;
  readonly tags: TagMap;
}

/** A new access entry of `cluster`, with no associated policies; node types get EKS's groups, not the request's. */
export function createAccessEntryState(ctx: OperationContext, cluster: string, entry: NewAccessEntry, now: number): AccessEntryState {
  return {
    principalArn: entry.principalArn,
    arn: accessEntryArn(ctx.region, ctx.caller.accountId, cluster, entry.principalArn, randomUUID()),
    clusterName: cluster,
    kubernetesGroups: entry.type === 'STANDARD' ? [...entry.kubernetesGroups] : [...defaultKubernetesGroups(entry.type)],
    username: entry.username ?? defaultUsername(entry.principalArn, entry.type),
    type: entry.type,
    tags: { ...entry.tags },
    createdAt: now,
    modifiedAt: now,
    policies: [],
  };
}
