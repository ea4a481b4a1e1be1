/**
 * Typed access to the EKS documents of the caller's account in the request's Region (state is per
 * account and Region, docs/aws-behaviour/eks-clusters-and-lifecycle.md). Reading a resource whose deletion has finished removes
 * it (a finished cluster takes its children, updates and tokens with it) and answers undefined.
 */
import type { EksKind, EksStatefulKind } from '../../../store/eks-records.ts';
import type { StoreSession } from '../../../store/store.ts';
import type { OperationContext } from '../../operation.ts';
import type { ClusterState, EksStateByKind } from './eks-state.ts';
import { clusterNotFound } from './eks-errors.ts';
import { lifecycleStatus } from './lifecycle.ts';

type StatefulKind = EksStatefulKind;

/**
 * Documents parsed already. The store answers repeated reads of an unchanged document with the same
 * object, so a cluster described again is not parsed again; states are never modified in place.
 */
const parsed = new WeakMap<object, unknown>();

/** The EKS documents of one account and Region. */
export class EksDocuments {
  readonly accountId: string;
  readonly region: string;

  constructor(private readonly ctx: OperationContext, private readonly store: StoreSession = ctx.store) {
    this.accountId = ctx.caller.accountId;
    this.region = ctx.region;
  }

  /** The same documents through another session (a transaction's). */
  within(store: StoreSession): EksDocuments {
    return new EksDocuments(this.ctx, store);
  }

  /** A stored document as is (no lifecycle check). */
  async raw<K extends StatefulKind>(kind: K, cluster: string, name: string): Promise<EksStateByKind[K] | undefined> {
    const doc = await this.store.eks.get({ accountId: this.accountId, region: this.region, kind, cluster, name });
    if (!doc) return undefined;
    let state = parsed.get(doc);
    if (state === undefined) parsed.set(doc, (state = JSON.parse(doc.data) as unknown));
    return state as EksStateByKind[K];
  }

  /** A document, or undefined when absent or its deletion has finished. */
  async get<K extends StatefulKind>(kind: K, cluster: string, name: string): Promise<EksStateByKind[K] | undefined> {
    if (kind !== 'cluster' && !(await this.cluster(cluster))) return undefined;
    const state = await this.raw(kind, cluster, name);
    if (!state || !('readyAt' in state)) return state;
    if (lifecycleStatus(state, this.ctx.clock.now()) !== 'GONE') return state;
    if (kind === 'cluster') await this.store.eks.deleteCluster(this.accountId, this.region, cluster);
    else await this.delete(kind, cluster, name);
    return undefined;
  }

  /** The cluster `name`, or undefined. */
  cluster(name: string): Promise<ClusterState | undefined> {
    return this.get('cluster', name, name);
  }

  /** The cluster `name`; ResourceNotFoundException when there is none. */
  async requireCluster(name: string): Promise<ClusterState> {
    const cluster = await this.cluster(name);
    if (!cluster) throw clusterNotFound(name);
    return cluster;
  }

  /** The live documents of a kind (of one cluster when given), ordered by cluster then name. */
  async list<K extends StatefulKind>(kind: K, cluster?: string): Promise<EksStateByKind[K][]> {
    const docs = await this.store.eks.list(this.accountId, this.region, kind, cluster);
    const out: EksStateByKind[K][] = [];
    for (const doc of docs) {
      const state = await this.get(kind, doc.cluster, doc.name);
      if (state) out.push(state);
    }
    return out;
  }

  /** Writes a document. */
  put<K extends StatefulKind>(kind: K, cluster: string, name: string, state: EksStateByKind[K]): Promise<void> {
    return this.store.eks.put({ accountId: this.accountId, region: this.region, kind, cluster, name, data: JSON.stringify(state) });
  }

  /** Removes a document. */
  delete(kind: EksKind, cluster: string, name: string): Promise<void> {
    return this.store.eks.delete({ accountId: this.accountId, region: this.region, kind, cluster, name });
  }
}
