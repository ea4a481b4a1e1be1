/**
 * A policy taking part in a simulation: its document text (for statement positions), how the simulator
 * names it (`SourcePolicyId`, `SourcePolicyType`) and its compiled form. Documents given in the request
 * are validated by IAM's rules for their kind; a document that fails is refused with IAM's
 * MalformedPolicyDocument error and its exact message.
 */
import { AwsError } from '../kernel/aws-error.ts';
import { compilePolicy, validatePolicy, type CompiledPolicy, type DocumentKind, type PolicyDocument, type PolicyKind } from '../policy/index.ts';
import { statementSpans, type StatementSpan } from './statement-positions.ts';

/** AWS's `PolicySourceType` values. */
export type SourcePolicyType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

/** A policy ready to be simulated. */
export interface SimulatedPolicy {
  readonly id: string;
  readonly type: SourcePolicyType;
  readonly document: PolicyDocument;
  readonly compiled: CompiledPolicy;
  /** The span of each statement, by statement index. */
  readonly spans: readonly StatementSpan[];
}

/** How to read one policy text. */
export interface PolicySource {
  readonly id: string;
  readonly type: SourcePolicyType;
  readonly text: string;
  /** The engine's slot for it. */
  readonly kind: PolicyKind;
  /** The ARN of a managed policy (the engine names it in explicit-deny messages). */
  readonly arn?: string | undefined;
  /**
   * Apply the stored-policy size quota of the kind (default false: the simulator takes documents up to
   * the model's length limit, and stored documents were checked when stored).
   */
  readonly enforceSizeLimit?: boolean;
}

const DOCUMENT_KINDS: Readonly<Record<PolicyKind, DocumentKind>> = {
  identity: 'identity-inline',
  boundary: 'boundary',
  session: 'session',
  resource: 'resource',
  trust: 'trust',
  scp: 'scp',
  rcp: 'rcp',
};

/** Validates and compiles `source`; throws MalformedPolicyDocument (or LimitExceeded) as IAM does. */
export function simulatedPolicy(source: PolicySource): SimulatedPolicy {
  const result = validatePolicy(source.text, DOCUMENT_KINDS[source.kind], { enforceSizeLimit: source.enforceSizeLimit ?? false });
  if (!result.ok) throw new AwsError(result.error.code, result.error.code === 'LimitExceeded' ? 409 : 400, result.error.message);
  return {
    id: source.id,
    type: source.type,
    document: result.document,
    compiled: compilePolicy(result.document, { kind: source.kind, name: source.id, arn: source.arn }),
    spans: statementSpans(source.text),
  };
}

/** The documents of a request's list member, named as the simulator names them (`PolicyInputList.1`, ...). */
export function inputPolicies(member: string, texts: readonly string[] | undefined, kind: PolicyKind): SimulatedPolicy[] {
  return (texts ?? []).map((text, i) => simulatedPolicy({ id: `${member}.${i + 1}`, type: 'none', text, kind }));
}
