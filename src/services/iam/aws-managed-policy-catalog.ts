/**
 * AWS managed policies (docs/aws-behaviour/iam-identities-and-quotas.md): 1,485 documents shipped as data, in the pseudo-account `aws`,
 * attachable in every account and immutable.
 */

/** One AWS managed policy. */
export interface AwsManagedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly defaultVersionId: string;
  /** The default version's document, as compact JSON text. */
  readonly document: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Stable unique id derived from the name (AWS's are not published), `ANPA…`. */
  readonly id: string;
}

/** Looks up AWS managed policies. */
export interface AwsManagedPolicyCatalog {
  get(arn: string): AwsManagedPolicy | undefined;
  list(): readonly AwsManagedPolicy[];
}

/** The ARN prefix of AWS managed policies. */
export const AWS_MANAGED_POLICY_PREFIX = 'arn:aws:iam::aws:policy/';

interface RawCatalog {
  readonly policies: Readonly<Record<string, { CreateDate: string; UpdateDate: string; DefaultVersionId: string; Path: string; Document: unknown }>>;
}

/**
 * Builds the catalog from the shipped data file's parsed JSON. A policy is made when first asked for
 * (and kept): a look-up needs one of the 1,485, and making them all cost more than parsing the file.
 */
export function awsManagedPolicyCatalog(raw: unknown): AwsManagedPolicyCatalog {
  const data = raw as RawCatalog;
  if (typeof data !== 'object' || data === null || typeof data.policies !== 'object') throw new Error('aws-managed-policies.json: no `policies` object');
  const made = new Map<string, AwsManagedPolicy>();
  const named = (name: string): AwsManagedPolicy | undefined => {
    let policy = made.get(name);
    if (policy === undefined && Object.hasOwn(data.policies, name)) {
      policy = shippedPolicy(name, data.policies[name]!);
      made.set(name, policy);
    }
    return policy;
  };
  let list: readonly AwsManagedPolicy[] | undefined;
  return {
    // A policy name has no `/`: the ARN's last segment names it, and its path must be the policy's.
    get: (arn) => {
      if (!arn.startsWith(AWS_MANAGED_POLICY_PREFIX)) return undefined;
      const policy = named(arn.slice(arn.lastIndexOf('/') + 1));
      return policy?.arn === arn ? policy : undefined;
    },
    list: () => (list ??= Object.keys(data.policies).map((name) => named(name)!).sort((a, b) => a.name.localeCompare(b.name))),
  };
}

function shippedPolicy(name: string, p: RawCatalog['policies'][string]): AwsManagedPolicy {
  return {
    name,
    arn: `${AWS_MANAGED_POLICY_PREFIX}${p.Path.slice(1)}${name}`,
    path: p.Path,
    defaultVersionId: p.DefaultVersionId,
    document: typeof p.Document === 'string' ? p.Document : JSON.stringify(p.Document),
    createdAt: new Date(p.CreateDate),
    updatedAt: new Date(p.UpdateDate),
    id: `ANPA${stableSuffix(name)}`,
  };
}

/** 17 characters of `[A-Z0-9]` derived from `name` (FNV-1a), so ids are the same on every start. */
function stableSuffix(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let out = '';
  let hash = 0x811c9dc5;
  for (let round = 0; out.length < 17; round++) {
    for (const ch of `${round}:${name}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    let h = hash;
    for (let i = 0; i < 5 && out.length < 17; i++) {
      out += alphabet[h % 36];
      h = Math.floor(h / 36);
    }
  }
  return out;
}
