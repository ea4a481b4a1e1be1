/**
 * AWS managed policies (IAM-SPEC §10): 1,485 documents shipped as data, in the pseudo-account `aws`,
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

/** Builds the catalog from the shipped data file's parsed JSON. */
export function awsManagedPolicyCatalog(raw: unknown): AwsManagedPolicyCatalog {
  const data = raw as RawCatalog;
  if (typeof data !== 'object' || data === null || typeof data.policies !== 'object') throw new Error('aws-managed-policies.json: no `policies` object');
  const byArn = new Map<string, AwsManagedPolicy>();
  for (const [name, p] of Object.entries(data.policies)) {
    const arn = `${AWS_MANAGED_POLICY_PREFIX}${p.Path.slice(1)}${name}`;
    byArn.set(arn, {
      name,
      arn,
      path: p.Path,
      defaultVersionId: p.DefaultVersionId,
      document: typeof p.Document === 'string' ? p.Document : JSON.stringify(p.Document),
      createdAt: new Date(p.CreateDate),
      updatedAt: new Date(p.UpdateDate),
      id: `ANPA${stableSuffix(name)}`,
    });
  }
  const list = [...byArn.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { get: (arn) => byArn.get(arn), list: () => list };
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
