/**
 * Status from timestamps (docs/aws-behaviour/eks-clusters-and-lifecycle.md: CREATING → ACTIVE, UPDATING → ACTIVE, DELETING → gone), computed
 * on every read against the injected clock rather than by timers.
 */
import type { OperationContext } from '../../operation.ts';
import type { Lifecycle, UpdateState } from './eks-state.ts';

/** Seconds a transition takes when `--eks-delay-seconds` is not given: short, so waiters finish fast. */
export const DEFAULT_EKS_DELAY_SECONDS = 1;

/** A resource's status, or GONE once its deletion has finished. */
export type LifecycleStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'GONE';

/** The transition time of this server, in milliseconds. */
export function delayMs(ctx: OperationContext): number {
  return Math.round((ctx.eksDelaySeconds ?? DEFAULT_EKS_DELAY_SECONDS) * 1000);
}

/** The status of `resource` at `now`. */
export function lifecycleStatus(resource: Lifecycle, now: number): LifecycleStatus {
  if (resource.deletingUntil !== undefined) return now >= resource.deletingUntil ? 'GONE' : 'DELETING';
  if (now < resource.readyAt) return 'CREATING';
  if (resource.updatingUntil !== undefined && now < resource.updatingUntil) return 'UPDATING';
  return 'ACTIVE';
}

/** An update's status at `now`. */
export function updateStatus(update: UpdateState, now: number): 'InProgress' | 'Successful' {
  return now < update.completesAt ? 'InProgress' : 'Successful';
}
