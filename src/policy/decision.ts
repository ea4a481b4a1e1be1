/**
 * A decision is data (docs/architecture.md, "Layers and their rules"): the outcome, the policy kinds that blocked it,
 * the statements that determined it and the errors met on the way. AWS's message is rendered from it.
 */
import type { StatementRef } from './compiled-policy.ts';
import type { PolicyKind } from './policy-kind.ts';

/** The three outcomes of IAM evaluation. */
export type DecisionOutcome = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

/** A statement whose policy values could not all be read. */
export interface StatementError {
  readonly statement: StatementRef;
  readonly message: string;
}

/** The result of evaluating one request. */
export interface Decision {
  readonly decision: DecisionOutcome;
  /**
   * The kinds of policy that blocked the request, in AWS's reporting order (docs/aws-behaviour/iam-policy-evaluation.md):
   * for an explicit deny the kinds holding an applicable Deny, for an implicit deny those lacking a
   * needed Allow. The first is the one AWS's message names.
   */
  readonly blockedBy: readonly PolicyKind[];
  /** Explicit deny: every applicable Deny statement. Allowed: the Allow statements relied on. */
  readonly determining: readonly StatementRef[];
  readonly errors: readonly StatementError[];
}
