/**
 * Compile once, evaluate many: stored policy documents compiled for the engine, kept by everything the
 * compiled policy is made of. The key is the whole `PolicySource` (kind, name, ARN and the document
 * text itself), not a name for it chosen by the caller, so two different policies can never share an
 * entry: a managed policy deleted and created again under the same ARN and version id, or a trust
 * policy replaced, is compiled anew. Equal sources share one compiled policy, whoever holds them.
 * Bounded (`BoundedCache`): the least recently used compiled policy goes first.
 */
import { BoundedCache } from '../kernel/bounded-cache.ts';
import { compilePolicy, type CompiledPolicy } from './compiled-policy.ts';
import type { DocumentKind, PolicyKind } from './policy-kind.ts';
import { validatePolicy } from './validate-policy.ts';

/** Everything a compiled policy is made of. */
export interface PolicySource {
  readonly kind: PolicyKind;
  /** How decisions name the policy (an inline policy's name, a managed policy's name, `role/X` for a trust policy). */
  readonly name: string;
  /** A managed policy's ARN. */
  readonly arn: string | undefined;
  /** The policy document as stored (JSON text). */
  readonly document: string;
  /** The organization level an SCP or RCP belongs to (`OrganizationLevel.orgIdentifier`). */
  readonly orgIdentifier?: string | undefined;
}

/** The most compiled policies kept. */
const MAX_POLICIES = 50_000;

/** Compiled stored policies, by their whole source. */
export class PolicyCache {
  private readonly policies: BoundedCache<string, CompiledPolicy>;

  constructor(max = MAX_POLICIES) {
    this.policies = new BoundedCache(max);
  }

  /**
   * `source` compiled. Stored documents were validated when written, so they are checked again only
   * for the kind's rules, not its size limit (AWS's own managed policies exceed customers' limits);
   * one that no longer validates is a defect of the store and throws.
   */
  compiled(source: PolicySource): CompiledPolicy {
    // Lengths delimit the name and ARN, whatever they hold; the document comes last, as it is.
    const arn = source.arn === undefined ? '-' : `${source.arn.length}:${source.arn}`;
    const org = source.orgIdentifier === undefined ? '-' : `${source.orgIdentifier.length}:${source.orgIdentifier}`;
    const key = `${source.kind}\n${source.name.length}:${source.name}\n${arn}\n${org}\n${source.document}`;
    let policy = this.policies.get(key);
    if (policy === undefined) this.policies.set(key, (policy = compile(source)));
    return policy;
  }

  /** How many compiled policies are kept (for tests of the bound). */
  get size(): number {
    return this.policies.size;
  }
}

function compile(source: PolicySource): CompiledPolicy {
  const result = validatePolicy(source.document, storedKind(source.kind), { enforceSizeLimit: false });
  if (!result.ok) throw new Error(`stored ${source.kind} policy ${source.arn ?? source.name} no longer validates: ${result.error.message}`);
  return compilePolicy(result.document, { kind: source.kind, name: source.name, arn: source.arn, orgIdentifier: source.orgIdentifier });
}

/** How a stored policy of `kind` is validated: identity policies by the rules of inline ones, which managed ones also meet. */
function storedKind(kind: PolicyKind): DocumentKind {
  return kind === 'identity' ? 'identity-inline' : kind;
}
