/**
 * Policy test cases (one JSON object per line, see cases/README.md): read a case, decide it and say
 * whether the decision is the expected one. Any input gives a result, never an exception: a malformed
 * case or policy becomes a result with its error.
 */
import { AuthorizationRequest } from './authorization-request.ts';
import { accessDeniedMessage } from './access-denied-message.ts';
import { compilePolicy, type CompiledPolicy } from './compiled-policy.ts';
import type { DecisionOutcome } from './decision.ts';
import { evaluate, TRUST_ACTIONS } from './evaluate.ts';
import { isJsonObject, JsonSyntaxError, parseJsonDocument, type JsonObject, type JsonValue } from './json-document.ts';
import type { DocumentKind, PolicyKind } from './policy-kind.ts';
import { PolicySet, type OrganizationLevel, type PolicySetInput } from './policy-set.ts';
import type { ContextInput } from './request-context.ts';
import { principalFromArn, type RequestPrincipal } from './request-principal.ts';
import { validatePolicy } from './validate-policy.ts';

/** One line of `tollgate policy test` output. */
export interface CaseResult {
  readonly name: string;
  readonly decision: DecisionOutcome | null;
  readonly blockedBy: readonly PolicyKind[];
  readonly message: string | null;
  readonly error?: string;
  readonly pass?: boolean;
}

/** A case that could be read, ready to decide (also what explanations start from). */
export interface PreparedCase {
  readonly name: string;
  readonly request: AuthorizationRequest;
  readonly policies: PolicySet;
  readonly expected: JsonObject;
}

class CaseError extends Error {}

const OUTCOMES: readonly DecisionOutcome[] = ['Allowed', 'ImplicitlyDenied', 'ExplicitlyDenied'];

/** Runs one case given as a JSON text. */
export function runCaseLine(line: string, fallbackName = 'case'): CaseResult {
  let value: JsonValue;
  try {
    value = parseJsonDocument(line);
  } catch (error) {
    const why = error instanceof JsonSyntaxError ? error.message : String(error);
    return { name: fallbackName, decision: null, blockedBy: [], message: null, error: `case is not valid JSON: ${why}`, pass: false };
  }
  return runCase(value, fallbackName);
}

/** Runs one parsed case. */
export function runCase(value: JsonValue, fallbackName = 'case'): CaseResult {
  const name = isJsonObject(value) && typeof value['name'] === 'string' ? value['name'] : fallbackName;
  let prepared: PreparedCase;
  try {
    prepared = prepareCase(value, name);
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    const expectedError = isJsonObject(value) ? value['expectedError'] : undefined;
    const base = { name, decision: null, blockedBy: [], message: null, error: error.message };
    return expectedError === undefined ? { ...base, pass: false } : { ...base, pass: expectedError === error.message };
  }
  const decision = evaluate(prepared.request, prepared.policies);
  const message = accessDeniedMessage(decision, prepared.request) ?? null;
  const result: CaseResult = { name, decision: decision.decision, blockedBy: decision.blockedBy, message };
  const { expected } = prepared;
  const checks: boolean[] = [];
  if (expected['expected'] !== undefined) checks.push(expected['expected'] === decision.decision);
  if (expected['expectedMessage'] !== undefined) checks.push(expected['expectedMessage'] === message);
  if (expected['expectedBlockedBy'] !== undefined) checks.push(JSON.stringify(expected['expectedBlockedBy']) === JSON.stringify(decision.blockedBy));
  if (expected['expectedError'] !== undefined) checks.push(false); // a policy error was expected, none came
  return checks.length ? { ...result, pass: checks.every(Boolean) } : result;
}

/** Reads and compiles a case; throws CaseError with the reason when it is malformed. */
export function prepareCase(value: JsonValue, name: string): PreparedCase {
  if (!isJsonObject(value)) throw new CaseError('case must be a JSON object');
  const expected = value;
  const outcome = value['expected'];
  if (outcome !== undefined && !OUTCOMES.includes(outcome as DecisionOutcome)) {
    throw new CaseError('`expected` must be one of Allowed, ImplicitlyDenied, ExplicitlyDenied');
  }
  const request = readRequest(value['request']);
  const trust = TRUST_ACTIONS.has(request.lowerAction);
  const policies = value['policies'] === undefined ? {} : value['policies'];
  if (!isJsonObject(policies)) throw new CaseError('`policies` must be an object');
  for (const key of Object.keys(policies)) {
    if (!['identity', 'boundary', 'session', 'resource', 'scp', 'rcp'].includes(key)) throw new CaseError(`unknown policy slot \`${key}\``);
  }
  const input: PolicySetInput = {
    identity: readPolicies(policies['identity'], 'identity', (arn) => (arn ? 'identity-managed' : 'identity-inline')),
    boundary: readPolicies(policies['boundary'], 'boundary', (arn) => (arn ? 'identity-managed' : 'boundary')),
    session: readPolicies(policies['session'], 'session', () => 'session'),
    resource: readPolicies(policies['resource'], trust ? 'trust' : 'resource', () => (trust ? 'trust' : 'resource')),
    scp: readLevels(policies['scp'], 'scp'),
    rcp: readLevels(policies['rcp'], 'rcp'),
  };
  return { name, request, policies: new PolicySet(input), expected };
}

function readRequest(value: JsonValue | undefined): AuthorizationRequest {
  if (!isJsonObject(value)) throw new CaseError('`request` must be an object');
  const { action, resource, resourceAccount, context } = value;
  if (typeof action !== 'string' || !/^[A-Za-z0-9.-]+:[A-Za-z0-9*?-]+$/.test(action)) throw new CaseError('`request.action` must be `service:Action`');
  if (typeof resource !== 'string' || resource === '') throw new CaseError('`request.resource` must be an ARN or `*`');
  if (resourceAccount !== undefined && (typeof resourceAccount !== 'string' || !/^\d{12}$/.test(resourceAccount))) {
    throw new CaseError('`request.resourceAccount` must be a 12-digit account id');
  }
  const contextInput = readContext(context);
  const principal = readPrincipal(value['principal'], contextInput['aws:PrincipalArn']);
  return new AuthorizationRequest({ principal, action, resource, resourceAccount, context: contextInput });
}

function readPrincipal(value: JsonValue | undefined, principalArn: ContextInput | undefined): RequestPrincipal {
  if (typeof value === 'string') {
    const principal = principalFromArn(value, typeof principalArn === 'string' ? principalArn : undefined);
    if (!principal) throw new CaseError(`\`request.principal\` \`${value}\` is not a caller ARN (root, user, assumed-role or federated-user)`);
    return principal;
  }
  if (isJsonObject(value) && value['type'] === 'Anonymous') return { type: 'Anonymous' };
  if (isJsonObject(value) && value['type'] === 'Service' && typeof value['service'] === 'string') return { type: 'Service', service: value['service'] };
  throw new CaseError('`request.principal` must be an ARN, {"type":"Anonymous"} or {"type":"Service","service":"..."}');
}

function readContext(value: JsonValue | undefined): Record<string, ContextInput> {
  if (value === undefined) return {};
  if (!isJsonObject(value)) throw new CaseError('`request.context` must be an object');
  const out: Record<string, ContextInput> = {};
  const scalar = (v: JsonValue): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  for (const [key, v] of Object.entries(value)) {
    if (scalar(v)) out[key] = v;
    else if (Array.isArray(v) && v.every(scalar)) out[key] = v as (string | number | boolean)[];
    else throw new CaseError(`context key \`${key}\` must be a string, number, boolean or a list of them`);
  }
  return out;
}

function readPolicies(value: JsonValue | undefined, kind: PolicyKind, documentKind: (arn: string | undefined) => DocumentKind, orgIdentifier?: string): CompiledPolicy[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CaseError(`\`policies.${kind}\` must be a list`);
  return value.map((entry, i) => {
    if (!isJsonObject(entry)) throw new CaseError(`\`policies.${kind}[${i}]\` must be an object`);
    const { name, arn, policy } = entry;
    if (typeof name !== 'string') throw new CaseError(`\`policies.${kind}[${i}].name\` must be a string`);
    if (arn !== undefined && typeof arn !== 'string') throw new CaseError(`\`policies.${kind}[${i}].arn\` must be a string`);
    if (policy === undefined) throw new CaseError(`\`policies.${kind}[${i}].policy\` is missing`);
    const result = validatePolicy(policy, documentKind(arn));
    if (!result.ok) throw new CaseError(result.error.message);
    return compilePolicy(result.document, { kind, name, arn, orgIdentifier });
  });
}

function readLevels(value: JsonValue | undefined, kind: 'scp' | 'rcp'): OrganizationLevel[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CaseError(`\`policies.${kind}\` must be a list of organization levels`);
  return value.map((level, i) => {
    if (!isJsonObject(level) || typeof level['orgIdentifier'] !== 'string') {
      throw new CaseError(`\`policies.${kind}[${i}]\` must be {"orgIdentifier": "...", "policies": [...]}`);
    }
    const orgIdentifier = level['orgIdentifier'];
    return { orgIdentifier, policies: readPolicies(level['policies'], kind, () => kind, orgIdentifier) };
  });
}
