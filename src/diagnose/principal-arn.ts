/**
 * The caller a denial names, classified from its ARN as AWS prints it: the account (only a real
 * twelve-digit one: pasted texts are often masked, `arn:aws:iam::***:user/app-user`) and the kind of
 * principal, with the parts fixes need (the role behind a session, the user's name).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
import type { PrincipalType } from './diagnosis.ts';

/** A classified principal. */
export interface PrincipalParts {
  readonly type: PrincipalType | null;
  readonly account: string | null;
  /** The account as printed, masked or not (`***`, `xxxx`). */
  readonly printedAccount: string;
  readonly partition: string;
  /** The user, role or federated user's name; for a session, the role's. */
  readonly name: string | null;
  /** The IAM path of a user or role printed with one (`/eng/`), else `/`. */
  readonly path: string;
  readonly sessionName: string | null;
  /** The service of an `AWSService` principal (`sns.amazonaws.com`). */
  readonly service: string | null;
}

const ARN = /^arn:(aws[a-z-]*):(iam|sts)::([^:]*):(.+)$/;

function account(text: string): string | null {
  return /^\d{12}$/.test(text) ? text : null;
}

/** The parts of the principal `text` (an ARN, `anonymous`, a service principal); undefined when unknown. */
export function principalParts(text: string): PrincipalParts | undefined {
  const none = { partition: 'aws', printedAccount: '', name: null, path: '/', sessionName: null, service: null };
  if (text === 'anonymous' || text === '*') return { ...none, type: 'Anonymous', account: null };
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text)) return { ...none, type: 'AWSService', account: null, service: text };
  if (/^\d{12}$/.test(text)) return { ...none, type: 'Root', account: text, printedAccount: text };
  const m = ARN.exec(text);
  if (!m) return undefined;
  const [, partition, service, acct, rest] = m as unknown as [string, string, string, string, string];
  const base = { ...none, partition, account: account(acct), printedAccount: acct };
  if (service === 'iam' && rest === 'root') return { ...base, type: 'Root' };
  const slash = rest.indexOf('/');
  const kind = slash < 0 ? rest : rest.slice(0, slash);
  const tail = slash < 0 ? '' : rest.slice(slash + 1);
  const segments = tail.split('/');
  if (service === 'iam' && (kind === 'user' || kind === 'role')) {
    const name = segments.at(-1) || null;
    const path = segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : '/';
    return { ...base, type: kind === 'user' ? 'IAMUser' : 'Role', name, path };
  }
  if (service === 'sts' && kind === 'assumed-role') {
    return { ...base, type: 'AssumedRole', name: segments[0] || null, sessionName: segments.length > 1 ? segments.slice(1).join('/') : null };
  }
  if (service === 'sts' && kind === 'federated-user') return { ...base, type: 'FederatedUser', name: tail || null };
  return undefined;
}

/**
 * The ARN a policy names the principal by: a session's role (resource and trust policies match sessions
 * through their role), the user, the account root; undefined when the text does not give enough.
 * `masked` accepts the account as printed even when masked, for fixes the reader completes.
 */
export function policyPrincipalArn(p: PrincipalParts, options: { masked?: boolean } = {}): string | undefined {
  const acct = p.account ?? (options.masked && p.printedAccount ? p.printedAccount : null);
  if (acct === null || (p.type !== 'Root' && p.name === null)) return undefined;
  const prefix = `arn:${p.partition}:iam::${acct}`;
  switch (p.type) {
    case 'Root': return `${prefix}:root`;
    case 'IAMUser': return `${prefix}:user${p.path}${p.name}`;
    case 'Role':
    case 'AssumedRole': return `${prefix}:role${p.path}${p.name}`;
    case 'FederatedUser': return `arn:${p.partition}:sts::${acct}:federated-user/${p.name}`;
    default: return undefined;
  }
}
