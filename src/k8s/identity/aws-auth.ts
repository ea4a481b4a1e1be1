/**
 * The `kube-system/aws-auth` ConfigMap as aws-iam-authenticator reads it
 * (docs/aws-behaviour/eks-kubernetes-identity.md): `mapRoles` and `mapUsers` are YAML lists of
 * `{rolearn|userarn, username, groups}` (keys matched case-insensitively, as Go's JSON decoding
 * matches them), `mapAccounts` a YAML list of account ids. A malformed value or entry is skipped and
 * the rest kept. An entry matches the caller's canonical ARN ignoring case; a role's canonical ARN has
 * no path, so a `rolearn` written with a path never matches.
 */
import { parseYaml } from '../../kernel/yaml-parse.ts';

/** One mapping of aws-auth. */
export interface AwsAuthMapping {
  readonly arn: string;
  readonly username: string;
  readonly groups: readonly string[];
}

/** The parsed ConfigMap. */
export interface AwsAuth {
  readonly roles: readonly AwsAuthMapping[];
  readonly users: readonly AwsAuthMapping[];
  readonly accounts: readonly string[];
  /** What could not be read, for the audit log. */
  readonly problems: readonly string[];
}

/** An aws-auth with no mappings (no ConfigMap). */
export const EMPTY_AWS_AUTH: AwsAuth = { roles: [], users: [], accounts: [], problems: [] };

function skippable(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === '``' || trimmed === '""' || trimmed === "''";
}

function field(entry: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : entry[key];
}

function mappings(text: string | undefined, arnKey: 'rolearn' | 'userarn', problems: string[]): AwsAuthMapping[] {
  if (text === undefined || skippable(text)) return [];
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    problems.push(`${arnKey === 'rolearn' ? 'mapRoles' : 'mapUsers'}: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push(`${arnKey === 'rolearn' ? 'mapRoles' : 'mapUsers'} is not a list`);
    return [];
  }
  const out: AwsAuthMapping[] = [];
  for (const item of value as unknown[]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const entry = item as Record<string, unknown>;
    const arn = field(entry, arnKey);
    if (typeof arn !== 'string' || arn === '') {
      problems.push(arnKey === 'userarn' ? 'value for userarn must be supplied' : 'one of rolearn or SSO must be supplied');
      continue;
    }
    const username = field(entry, 'username');
    const groups = field(entry, 'groups');
    out.push({
      arn,
      username: typeof username === 'string' ? username : '',
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    });
  }
  return out;
}

/** Reads the ConfigMap's `data`. */
export function parseAwsAuth(data: Readonly<Record<string, string>> | undefined): AwsAuth {
  if (!data) return EMPTY_AWS_AUTH;
  const problems: string[] = [];
  const roles = mappings(data['mapRoles'], 'rolearn', problems);
  const users = mappings(data['mapUsers'], 'userarn', problems);
  let accounts: string[] = [];
  const accountText = data['mapAccounts'];
  if (accountText !== undefined && !skippable(accountText)) {
    try {
      const value: unknown = parseYaml(accountText);
      if (Array.isArray(value)) accounts = value.map(String);
      else problems.push('mapAccounts is not a list');
    } catch (error) {
      problems.push(`mapAccounts: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { roles, users, accounts, problems };
}

/** The mapping of `canonicalArn`: a role mapping first, then a user mapping (the authenticator's order). */
export function awsAuthMapping(auth: AwsAuth, canonicalArn: string): { readonly mapping: AwsAuthMapping; readonly from: 'mapRoles' | 'mapUsers' } | undefined {
  const lower = canonicalArn.toLowerCase();
  const role = auth.roles.find((m) => m.arn.toLowerCase() === lower);
  if (role) return { mapping: role, from: 'mapRoles' };
  const user = auth.users.find((m) => m.arn.toLowerCase() === lower);
  return user && { mapping: user, from: 'mapUsers' };
}
