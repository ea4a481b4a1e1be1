/**
 * Role trust policies (docs/aws-behaviour/iam-policy-language.md): validated as kind `trust`; when stored, every IAM user or role
 * ARN in a `Principal`/`NotPrincipal` `AWS` element is replaced by the entity's unique id (an ARN that
 * names no existing entity is refused); when read, each id is rendered back as the entity's ARN, or
 * left as the raw id once the entity is gone, so a recreated namesake is never trusted.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles
 */
import { parseJsonDocument, type JsonValue } from '../../../policy/index.ts';
import type { StoreSession } from '../../../store/store.ts';
import { malformedPolicyDocument } from '../shared/iam-errors.ts';
import { assertValidPolicy } from '../policies/policy-validation.ts';

const ENTITY_ARN = /^arn:aws:iam::(\d{12}):(user|role)\/(?:[^/]+\/)*([^/]+)$/;
const UNIQUE_ID = /^(AIDA|AROA)[A-Z0-9]{17}$/;

type JsonObject = { [key: string]: JsonValue };

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites every AWS principal value of `value` (a parsed policy) with `map`; true when one changed. */
async function rewriteAwsPrincipals(value: JsonValue, map: (principal: string) => Promise<string>): Promise<boolean> {
  if (!isJsonObject(value)) return false;
  const statements = Array.isArray(value.Statement) ? value.Statement : [value.Statement];
  let changed = false;
  for (const statement of statements) {
    if (!isJsonObject(statement)) continue;
    for (const element of ['Principal', 'NotPrincipal']) {
      const block = statement[element];
      if (!isJsonObject(block) || block.AWS === undefined) continue;
      const aws = block.AWS;
      if (typeof aws === 'string') {
        const mapped = await map(aws);
        if (mapped !== aws) { block.AWS = mapped; changed = true; }
      } else if (Array.isArray(aws)) {
        for (let i = 0; i < aws.length; i++) {
          const item = aws[i];
          if (typeof item !== 'string') continue;
          const mapped = await map(item);
          if (mapped !== item) { aws[i] = mapped; changed = true; }
        }
      }
    }
  }
  return changed;
}

/** The unique id of the user or role `arn` names, or undefined when none exists. */
async function uniqueIdOf(store: StoreSession, arn: string): Promise<string | undefined> {
  const m = ENTITY_ARN.exec(arn);
  if (!m) return undefined;
  const [, account, type, name] = m as unknown as [string, string, 'user' | 'role', string];
  const entity = type === 'user' ? await store.users.get(account, name) : await store.roles.get(account, name);
  return entity && entity.arn === arn ? entity.id : undefined;
}

/**
 * Validates `text` as a trust policy and returns the form to store. Throws MalformedPolicyDocument
 * (`Invalid principal in policy: "AWS":"<arn>"` for a user or role that does not exist) or LimitExceeded.
 */
export async function trustPolicyToStore(store: StoreSession, text: string): Promise<string> {
  assertValidPolicy(text, 'trust');
  const parsed = parseJsonDocument(text);
  const changed = await rewriteAwsPrincipals(parsed, async (principal) => {
    if (!principal.startsWith('arn:aws:iam::') || !/:(user|role)\//.test(principal)) return principal;
    const id = await uniqueIdOf(store, principal);
    if (id === undefined) throw malformedPolicyDocument(`Invalid principal in policy: "AWS":"${principal}"`);
    return id;
  });
  // INVARIANT: a document without user or role ARNs is kept exactly as submitted.
  return changed ? JSON.stringify(parsed) : text;
}

/** The trust policy as IAM answers it: stored unique ids of existing users and roles shown as their ARNs. */
export async function trustPolicyFromStore(store: StoreSession, accountId: string, stored: string): Promise<string> {
  let parsed: JsonValue;
  try {
    parsed = parseJsonDocument(stored);
  } catch {
    return stored;
  }
  let accounts: string[] | undefined;
  const changed = await rewriteAwsPrincipals(parsed, async (principal) => {
    if (!UNIQUE_ID.test(principal)) return principal;
    accounts ??= [accountId, ...(await store.accounts.list()).map((a) => a.id).filter((id) => id !== accountId)];
    for (const account of accounts) {
      const entity = principal.startsWith('AIDA') ? await store.users.getById(account, principal) : await store.roles.getById(account, principal);
      if (entity) return entity.arn;
    }
    return principal;
  });
  return changed ? JSON.stringify(parsed) : stored;
}
