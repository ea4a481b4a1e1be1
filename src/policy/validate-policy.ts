/**
 * Policy validation (docs/aws-behaviour/iam-policy-language.md): a document's text or JSON value, for one kind of policy, becomes a
 * PolicyDocument or IAM's exact error. Steps run in IAM's order (docs/aws-behaviour/iam-policy-language.md); the first failure wins.
 */
import { JsonSyntaxError, parseJsonDocument, type JsonValue } from './json-document.ts';
import type { PolicyDocument, PolicyStatement } from './policy-document.ts';
import { DOCUMENT_SIZE_LIMITS, type DocumentKind } from './policy-kind.ts';
import { policySize } from './policy-size.ts';
import { readPolicySyntax, type RawStatement } from './policy-syntax.ts';
import { failsLegacyResourceParsing, firstResourceFormatError } from './resource-format.ts';
import { principalFormatError } from './principal-format.ts';
import { parseOperator } from './conditions/condition-operators.ts';
import { parseAwsDate } from './conditions/aws-date.ts';
import { MALFORMED, malformed, type PolicyValidationError } from './validation-error.ts';
import { globMatch } from './glob.ts';

/** The outcome of validation. */
export type ValidationResult =
  | { readonly ok: true; readonly document: PolicyDocument; readonly size: number }
  | { readonly ok: false; readonly error: PolicyValidationError };

const TRUST_ACTIONS = ['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity'];
const PRINCIPAL_FORBIDDEN: ReadonlySet<DocumentKind> = new Set(['identity-inline', 'identity-managed', 'boundary', 'session', 'scp']);
const PRINCIPAL_REQUIRED: ReadonlySet<DocumentKind> = new Set(['trust', 'resource', 'rcp']);
const RESOURCE_REQUIRED: ReadonlySet<DocumentKind> = new Set(['identity-inline', 'identity-managed', 'boundary', 'session', 'resource', 'rcp']);

/** Options of validatePolicy. */
export interface ValidationOptions {
  /**
   * Check the kind's size limit (default true). Documents that were validated when stored, and AWS's
   * own managed policies (some far beyond the customer limit), are re-read without it.
   */
  readonly enforceSizeLimit?: boolean;
}

/** Validates a policy given as text (as IAM receives it) or as an already parsed JSON value. */
export function validatePolicy(input: string | JsonValue, kind: DocumentKind, options: ValidationOptions = {}): ValidationResult {
  let value: JsonValue;
  let size: number;
  if (typeof input === 'string') {
    try {
      value = parseJsonDocument(input);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      return fail(kind === 'trust' ? MALFORMED.invalidJson : MALFORMED.syntax);
    }
    size = policySize(input);
  } else {
    value = input;
    size = policySize(JSON.stringify(input));
  }
  const limit = DOCUMENT_SIZE_LIMITS[kind];
  if (size > limit.limit && (options.enforceSizeLimit ?? true)) return { ok: false, error: { code: 'LimitExceeded', message: limit.message } };

  const raw = readPolicySyntax(value);
  if (!raw) return fail(MALFORMED.syntax);
  if (kind === 'identity-managed' && raw.version !== '2012-10-17') return fail(MALFORMED.version);
  const statements = raw.statements;
  if (statements.some(failsLegacyParsing)) return fail(MALFORMED.legacy);

  const sids = new Set<string>();
  for (const s of statements) {
    if (s.sid === undefined || s.sid === '') continue;
    if (!/^[0-9A-Za-z]*$/.test(s.sid)) return fail(MALFORMED.sidCharacters);
    if (sids.has(s.sid)) return fail(MALFORMED.duplicateSid);
    sids.add(s.sid);
  }
  for (const s of statements) if (!(s.action ?? s.notAction)?.length) return fail(MALFORMED.noActions);
  for (const s of statements) {
    const error = firstResourceFormatError([...(s.resource ?? []), ...(s.notResource ?? [])]);
    if (error) return fail(error);
  }
  if (RESOURCE_REQUIRED.has(kind)) {
    for (const s of statements) if (!(s.resource ?? s.notResource)?.length) return fail(MALFORMED.noResources);
  }
  for (const s of statements) {
    for (const action of [...(s.action ?? []), ...(s.notAction ?? [])]) {
      const error = actionFormatError(action);
      if (error) return fail(error);
    }
  }
  const kindError = kindRuleError(kind, statements);
  if (kindError) return fail(kindError);

  const document: PolicyDocument = {
    version: raw.version,
    id: raw.id,
    statements: statements.map((s, index): PolicyStatement => ({ ...s, index, effect: s.effect === 'Allow' ? 'Allow' : 'Deny' })),
  };
  return { ok: true, document, size };
}

function fail(message: string): ValidationResult {
  return { ok: false, error: malformed(message) };
}

function failsLegacyParsing(s: RawStatement): boolean {
  if (s.effect !== 'Allow' && s.effect !== 'Deny') return true;
  for (const clause of s.condition) {
    const op = parseOperator(clause.operator);
    if (op && op.family.startsWith('date-')) {
      for (const entry of clause.entries) if (entry.values.some((v) => parseAwsDate(v) === undefined)) return true;
    }
  }
  return [...(s.resource ?? []), ...(s.notResource ?? [])].some(failsLegacyResourceParsing);
}

/** IAM's message for a malformed Action value (docs/aws-behaviour/iam-policy-language.md). */
function actionFormatError(action: string): string | undefined {
  if (action === '*') return undefined;
  const colon = action.indexOf(':');
  if (colon < 0) return MALFORMED.actionVendor;
  if (action.indexOf(':', colon + 1) >= 0) return MALFORMED.actionColons;
  const vendor = action.slice(0, colon);
  if (!/^[A-Za-z0-9.-]+$/.test(vendor)) return `Vendor ${vendor} is not valid`;
  return undefined;
}

/** The rules that depend on the kind of policy (docs/aws-behaviour/iam-policy-language.md). */
function kindRuleError(kind: DocumentKind, statements: readonly RawStatement[]): string | undefined {
  if (PRINCIPAL_FORBIDDEN.has(kind) && statements.some((s) => s.principal || s.notPrincipal)) return MALFORMED.principalForbidden;
  if (kind === 'trust') {
    if (statements.some((s) => s.resource || s.notResource)) return MALFORMED.resourceForbidden;
    const isTrustAction = (a: string) => TRUST_ACTIONS.some((t) => globMatch(a.toLowerCase(), t));
    if (statements.some((s) => (s.action ?? []).some((a) => !isTrustAction(a)))) return MALFORMED.trustActions;
  }
  if (PRINCIPAL_REQUIRED.has(kind)) {
    if (statements.some((s) => !s.principal && !s.notPrincipal)) return MALFORMED.principalMissing;
    for (const s of statements) {
      const block = s.principal ?? s.notPrincipal;
      const error = block && principalFormatError(block);
      if (error) return error;
    }
  }
  return undefined;
}
