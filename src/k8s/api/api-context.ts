/** What the handlers of a resource request receive, and what they answer. */
import type { AccessEntryState, ClusterState } from '../../services/eks/shared/eks-state.ts';
import type { Store } from '../../store/store.ts';
import type { KubeDecision } from '../authz/cluster-authorizer.ts';
import type { RequestAttributes } from '../authz/policy-rule.ts';
import type { ClusterPolicy } from '../cluster-access.ts';
import type { UserInfo } from '../identity/user-info.ts';
import type { RequestInfo } from '../request-info.ts';
import type { ClusterObjects } from './cluster-objects.ts';
import type { ResourceType } from './resource-types.ts';
import type { ReviewContext } from './reviews.ts';
import type { WatchHub } from './watch-hub.ts';

/** A resource request, authenticated and authorized. */
export interface ApiContext {
  readonly store: Store;
  readonly cluster: ClusterState;
  readonly objects: ClusterObjects;
  readonly info: RequestInfo;
  readonly type: ResourceType;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** Epoch ms of the request. */
  readonly now: number;
  readonly user: UserInfo;
  readonly entry: AccessEntryState | undefined;
  readonly policy: ClusterPolicy;
  readonly hub: WatchHub;
  /** The whole authorization chain for this request's user (escalation checks ask it for `bind` and `escalate`). */
  authorize(attributes: RequestAttributes): KubeDecision;
  readonly reviews: ReviewContext;
}

/** A JSON answer. */
export interface JsonAnswer {
  readonly kind: 'json';
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: string;
  /** `Warning` headers (field validation). */
  readonly warnings?: readonly string[];
}

/** A watch: events written as JSON lines until the client leaves or the timeout ends it. */
export interface WatchAnswer {
  readonly kind: 'watch';
  run(write: (line: string) => void, closed: Promise<void>): Promise<void>;
}

/** What a handler answers. */
export type ApiAnswer = JsonAnswer | WatchAnswer;

/** A JSON answer with `status` (200 by default). */
export function json(body: unknown, status = 200, warnings?: readonly string[]): JsonAnswer {
  return { kind: 'json', status, body, ...(warnings && warnings.length > 0 ? { warnings } : {}) };
}

/** RFC 3339 (seconds) of epoch ms. */
export function rfc3339(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
