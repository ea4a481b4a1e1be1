/**
 * The IAM policy engine's public surface: validate a document, compile it, put a caller's policies in
 * a PolicySet, evaluate a request, render AWS's message, explain. Pure: no I/O, no server, no store.
 */
export { validatePolicy, type ValidationResult, type ValidationOptions } from './validate-policy.ts';
export type { PolicyValidationError } from './validation-error.ts';
export { DOCUMENT_SIZE_LIMITS, INLINE_POLICY_AGGREGATE_LIMITS, POLICY_KINDS, policyKindOf, type DocumentKind, type PolicyKind } from './policy-kind.ts';
export { policySize } from './policy-size.ts';
export type { PolicyDocument, PolicyStatement } from './policy-document.ts';
export { parseJsonDocument, JsonSyntaxError, type JsonValue } from './json-document.ts';
export { compilePolicy, type CompiledPolicy, type StatementRef } from './compiled-policy.ts';
export { PolicySet, type PolicySetInput, type OrganizationLevel } from './policy-set.ts';
export { PolicyCache, type PolicySource } from './policy-cache.ts';
export { AuthorizationRequest, type AuthorizationRequestInit } from './authorization-request.ts';
export { RequestContext, type ContextInput, type ContextValue } from './request-context.ts';
export { principalFromArn, principalContextKeys, principalMessageArn, type RequestPrincipal } from './request-principal.ts';
export { evaluate, TRUST_ACTIONS } from './evaluate.ts';
export type { Decision, DecisionOutcome, StatementError } from './decision.ts';
export { accessDeniedMessage, denialReason, type MessageOptions } from './access-denied-message.ts';
export { explain, type Explanation, type Suggestion, type PolicyChange } from './explain.ts';
export { TraceRecorder, type TraceSink, type StatementTrace } from './trace.ts';
export { runCaseLine, type CaseResult } from './policy-case.ts';
