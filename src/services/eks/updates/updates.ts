/**
 * Updates (docs/aws-behaviour/eks-clusters-and-lifecycle.md): one at a time per cluster, node group or add-on; a retry with the
 * same clientRequestToken answers the update it made; an update runs InProgress → Successful over
 * the server's delay.
 */
import { randomUUID } from 'node:crypto';
import type { OperationContext } from '../../operation.ts';
import type { EksDocuments } from '../shared/eks-documents.ts';
import { resourceInUse } from '../shared/eks-errors.ts';
import type { UpdateState } from '../shared/eks-state.ts';
import { delayMs, updateStatus } from '../shared/lifecycle.ts';

/** What an update changes. */
export interface UpdateRequest {
  readonly cluster: string;
  /** `cluster`, `nodegroup/<name>` or `addon/<name>`. */
  readonly scope: string;
  readonly type: string;
  readonly params: readonly { readonly type: string; readonly value: string }[];
  readonly token: string | undefined;
}

/** The updates of `scope` in `cluster`, oldest first. */
export async function updatesOf(docs: EksDocuments, cluster: string, scope: string): Promise<UpdateState[]> {
  const all = await docs.list('update', cluster);
  return all.filter((u) => u.scope === scope).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The earlier update made with this token, if any (idempotent retry). */
export async function retriedUpdate(docs: EksDocuments, request: Pick<UpdateRequest, 'cluster' | 'scope' | 'token'>): Promise<UpdateState | undefined> {
  if (request.token === undefined) return undefined;
  return (await updatesOf(docs, request.cluster, request.scope)).find((u) => u.token === request.token);
}

/** Refuses with 409 while another update of the scope runs (`Cannot <Type> because cluster <c> currently has update <id> in progress`). */
export async function assertNoUpdateInProgress(docs: EksDocuments, ctx: OperationContext, request: UpdateRequest, fields: Readonly<Record<string, string>>): Promise<void> {
  const now = ctx.clock.now();
  const running = (await updatesOf(docs, request.cluster, request.scope)).find((u) => updateStatus(u, now) === 'InProgress');
  if (running) throw resourceInUse(`Cannot ${request.type} because cluster ${request.cluster} currently has update ${running.id} in progress`, fields);
}

/** Records a new update, InProgress until the server's delay has passed. */
export async function recordUpdate(docs: EksDocuments, ctx: OperationContext, request: UpdateRequest): Promise<UpdateState> {
  const now = ctx.clock.now();
  const update: UpdateState = { id: randomUUID(), scope: request.scope, type: request.type, params: request.params, createdAt: now, completesAt: now + delayMs(ctx), token: request.token };
  await docs.put('update', request.cluster, update.id, update);
  return update;
}
