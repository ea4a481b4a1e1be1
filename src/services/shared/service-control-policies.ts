/**
 * The service control policies (SCPs) in effect for an account, as AWS Organizations applies them to a
 * member account, given by the operator (`tollgate accounts scp`) rather than through an Organizations
 * API. An account without any is unrestricted, as if only FullAWSAccess were attached; once it has some,
 * every request of its principals (IAM users, roles and their sessions, federated users and the root
 * user; not service-linked roles) must be allowed by one of them and denied by none. They form one
 * organization level, the account's (docs/aws-behaviour/service-control-policies.md).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 */
import { isAccountId } from '../../kernel/iam-arns.ts';
import { validatePolicy, type OrganizationLevel, type PolicyCache } from '../../policy/index.ts';
import type { ServiceControlPolicyRecord } from '../../store/scp-records.ts';
import type { Store, StoreSession } from '../../store/store.ts';

/**
 * The most characters of an SCP document. AWS Organizations counts every character of a document given
 * through its API (the console alone drops whitespace between elements first).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const SCP_MAX_CHARACTERS = 5_120;

/** Why an SCP cannot be read, put or deleted: a one-line reason. */
export class ScpError extends Error {}

/** Why `name` cannot name an SCP (AWS Organizations: 1 to 128 characters), or undefined. */
export function scpNameError(name: string): string | undefined {
  if (name.length < 1 || name.length > 128) return `an SCP name has 1 to 128 characters, \`${name}\` has ${name.length}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'an SCP name holds no control characters';
  return undefined;
}

/** Why `document` is not a valid SCP, or undefined: the size quota, then IAM's policy grammar for SCPs (no Principal). */
export function scpDocumentError(document: string): string | undefined {
  if (document.length > SCP_MAX_CHARACTERS) {
    return `the document has ${document.length} characters; an SCP holds at most ${SCP_MAX_CHARACTERS.toLocaleString('en-US')}, whitespace included`;
  }
  const result = validatePolicy(document, 'scp');
  return result.ok ? undefined : `not a valid service control policy: ${result.error.message}`;
}

async function existingAccount(session: StoreSession, accountId: string): Promise<void> {
  if (!isAccountId(accountId)) throw new ScpError(`account id \`${accountId}\` is not 12 digits`);
  if (!(await session.accounts.get(accountId))) throw new ScpError(`no account ${accountId} in this Tollgate (see \`tollgate accounts list\`)`);
}

/** The SCPs of `accountId`, by name; ScpError for an unknown account. */
export async function listScps(store: StoreSession, accountId: string): Promise<ServiceControlPolicyRecord[]> {
  await existingAccount(store, accountId);
  return store.serviceControlPolicies.list(accountId);
}

/**
 * Gives `accountId` the SCP `name` (replacing one of that name), after checking the account, the name
 * and the document; one transaction, which moves the account's generation (every cached decision of
 * the account's principals is made again).
 */
export async function putScp(store: Store, policy: ServiceControlPolicyRecord): Promise<void> {
  const invalid = scpNameError(policy.name) ?? scpDocumentError(policy.document);
  if (invalid !== undefined) throw new ScpError(invalid);
  await store.transaction(async (tx) => {
    await existingAccount(tx, policy.accountId);
    await tx.serviceControlPolicies.put(policy);
  });
}

/** Takes the SCP `name` from `accountId`; ScpError when the account or the SCP does not exist. */
export async function deleteScp(store: Store, accountId: string, name: string): Promise<void> {
  await store.transaction(async (tx) => {
    await existingAccount(tx, accountId);
    if (!(await tx.serviceControlPolicies.get(accountId, name))) throw new ScpError(`account ${accountId} has no service control policy ${name}`);
    await tx.serviceControlPolicies.delete(accountId, name);
  });
}

/** The organization levels of `accountId`'s SCPs for a policy set: none when it has no SCP, else one, the account's. */
export async function scpLevels(store: StoreSession, cache: PolicyCache, accountId: string): Promise<OrganizationLevel[]> {
  const records = await store.serviceControlPolicies.list(accountId);
  if (records.length === 0) return [];
  return [{ orgIdentifier: accountId, policies: records.map((r) => cache.compiled({ kind: 'scp', name: r.name, arn: undefined, document: r.document, orgIdentifier: accountId })) }];
}

/** `'…'` for a POSIX shell. */
function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `text` as one POSIX shell word: as is when it needs no quoting. */
function shellWord(text: string): string {
  return /^[\w+=,.@:/-]+$/.test(text) ? text : shellQuoted(text);
}

/** The command that gives `accountId` the SCP `name` with `document`, as printed by fixes (the data directory from TOLLGATE_DATA_DIR). */
export function scpPutCommandLine(accountId: string, name: string, document: string): string {
  return `tollgate accounts scp put ${accountId} ${shellWord(name)} ${shellQuoted(document)}`;
}

/** The command that gives `accountId` the SCP `name` with the document in `policy.json` (diagnose's fixes print the document apart). */
export function scpPutFileCommandLine(accountId: string, name: string): string {
  return `tollgate accounts scp put ${accountId} ${shellWord(name)} file://policy.json`;
}

/** The command that takes the SCP `name` from `accountId`. */
export function scpDeleteCommandLine(accountId: string, name: string): string {
  return `tollgate accounts scp delete ${accountId} ${shellWord(name)}`;
}
