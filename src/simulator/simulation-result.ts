/**
 * The result shapes of SimulatePrincipalPolicy and SimulateCustomPolicy, with AWS's member names.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */

/** AWS's `PolicyEvaluationDecisionType`. */
export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** A line and column in a policy document. */
export interface Position {
  readonly Line: number;
  readonly Column: number;
}

/** A statement that decided a result. */
export interface MatchedStatement {
  readonly SourcePolicyId: string;
  readonly SourcePolicyType: string;
  readonly StartPosition: Position;
  readonly EndPosition: Position;
}

/** The result for one action on one resource. */
export interface ResourceSpecificResult {
  readonly EvalResourceName: string;
  readonly EvalResourceDecision: EvalDecision;
  readonly MatchedStatements: MatchedStatement[];
  readonly MissingContextValues: string[];
  readonly EvalDecisionDetails?: Record<string, EvalDecision>;
  readonly PermissionsBoundaryDecisionDetail?: { readonly AllowedByPermissionsBoundary: boolean };
}

/** The result for one action, over every requested resource. */
export interface EvaluationResult {
  readonly EvalActionName: string;
  readonly EvalResourceName: string;
  readonly EvalDecision: EvalDecision;
  readonly MatchedStatements: MatchedStatement[];
  readonly MissingContextValues: string[];
  readonly OrganizationsDecisionDetail?: { readonly AllowedByOrganizations: boolean };
  readonly PermissionsBoundaryDecisionDetail?: { readonly AllowedByPermissionsBoundary: boolean };
  readonly EvalDecisionDetails?: Record<string, EvalDecision>;
  readonly ResourceSpecificResults?: ResourceSpecificResult[];
}

const RESTRICTIVENESS: Readonly<Record<EvalDecision, number>> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

/** The more restrictive of two decisions (explicit deny over implicit deny over allowed). */
export function moreRestrictive(a: EvalDecision, b: EvalDecision): EvalDecision {
  return RESTRICTIVENESS[a] >= RESTRICTIVENESS[b] ? a : b;
}
