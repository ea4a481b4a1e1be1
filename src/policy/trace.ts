/**
 * Tracing (OPA's tracer): when a sink is attached, evaluation reports every statement it looked at with
 * the outcome of each element. Without a sink nothing is recorded and nothing is allocated for it.
 */
import type { CompiledStatement, StatementRef } from './compiled-policy.ts';
import type { PrincipalMatch } from './principal-match.ts';

/** One key of a condition as evaluated. */
export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  readonly policyValues: readonly string[];
  /** The request's value; undefined when the key was absent. */
  readonly requestValue: string | readonly string[] | undefined;
  readonly result: boolean;
}

/** One statement as evaluated against the request. */
export interface StatementTrace {
  readonly statement: StatementRef;
  readonly effect: 'Allow' | 'Deny';
  readonly action: boolean;
  readonly resource: boolean;
  /** How the Principal named the caller; undefined when the statement has no Principal element. */
  readonly principal: PrincipalMatch | 'exempt' | undefined;
  readonly conditions: readonly ConditionTrace[];
  /** True when every element matched, so the statement's Effect applies. */
  readonly applies: boolean;
  readonly compiled: CompiledStatement;
}

/** Receives statement traces. */
export interface TraceSink {
  statement(trace: StatementTrace): void;
}

/** A sink that keeps every trace in order. */
export class TraceRecorder implements TraceSink {
  readonly statements: StatementTrace[] = [];
  statement(trace: StatementTrace): void {
    this.statements.push(trace);
  }
}
