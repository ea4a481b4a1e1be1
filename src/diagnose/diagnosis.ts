/**
 * What `tollgate diagnose` learns from a denial text, and what it answers: the parsed denial, the
 * cause in plain words, the fixes as policy JSON and whether re-evaluation verified them. The JSON
 * printed by `--json` is `diagnosisJson`, member for member.
 */

/**
 * Who was refused, in CloudTrail's `userIdentity.type` words where AWS has one (`IAMUser`,
 * `AssumedRole`, `Root`, `FederatedUser`, `AWSService`), `Role` for a role ARN printed as such,
 * `Anonymous` for unsigned callers, and the two kinds of Kubernetes subject kubectl names.
 */
export const PRINCIPAL_TYPES = ['IAMUser', 'AssumedRole', 'Role', 'Root', 'FederatedUser', 'AWSService', 'Anonymous', 'KubernetesUser', 'KubernetesServiceAccount'] as const;

/** One kind of principal. */
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/**
 * The policy types AWS names in a reason suffix, in AWS's words (docs/aws-behaviour/access-denied-messages.md).
 * `VPC endpoint policy` is AWS's too, though no Tollgate decision produces it.
 */
export const POLICY_TYPES = [
  'identity-based policy', 'permissions boundary', 'session policy', 'service control policy',
  'resource control policy', 'resource-based policy', 'role trust policy', 'VPC endpoint policy',
] as const;

/** One policy type. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/** Why the request was denied, as far as the text says. */
export interface DenialReason {
  readonly effect: 'implicit' | 'explicit' | null;
  readonly policyType: PolicyType | null;
  /** The deciding managed policy's ARN, which AWS appends to explicit denies since 2026. */
  readonly policyArn?: string | undefined;
  /** `... transitively through a service control policy`: the policy type the denial came through. */
  readonly through?: PolicyType | undefined;
}

/** A Kubernetes authorization failure as kubectl prints it. */
export interface KubernetesDenial {
  readonly status: 'Forbidden' | 'Unauthorized';
  readonly verb?: string | undefined;
  /** `pods`, `pods/exec`, `deployments.apps`: the resource with its subresource. */
  readonly resource?: string | undefined;
  readonly apiGroup?: string | undefined;
  readonly name?: string | undefined;
  /** Undefined at the cluster scope. */
  readonly namespace?: string | undefined;
}

/** Everything parsed from one denial text. */
export interface ParsedDenial {
  readonly principal: string | null;
  readonly principalType: PrincipalType | null;
  readonly account: string | null;
  readonly action: string | null;
  /** True when the text names only the operation and the action was derived from it. */
  readonly actionInferred: boolean;
  readonly resource: string | null;
  readonly operation: string | null;
  readonly reason: DenialReason;
  /** The error code (`AccessDenied`, `AccessDeniedException`, `UnauthorizedOperation`, `Forbidden` ...). */
  readonly errorCode: string | null;
  /** The service's signing name or SDK name when the text gives one (`EKS`, `AWSLambda`, `ec2`). */
  readonly service: string | null;
  readonly requestId: string | null;
  /** EC2's `Encoded authorization failure message`. */
  readonly encodedMessage: string | null;
  /** The authorization ID of AWS's Access Troubleshooter link. */
  readonly authorizationId: string | null;
  /** A message that says the denial without naming the action, e.g. KMS's "ciphertext refers to a customer master key". */
  readonly detail: string | null;
  /** The tool that reported the denial for AWS, when the text shows it: `kubectl-credentials`, `cloudformation`. */
  readonly via: 'kubectl-credentials' | 'cloudformation' | null;
  readonly kubernetes: KubernetesDenial | null;
}

/** A JSON object (fixes are policy documents or Kubernetes objects). */
export interface JsonMap {
  readonly [key: string]: JsonData;
}

/** A JSON value. */
export type JsonData = null | boolean | number | string | readonly JsonData[] | JsonMap;

/** What kind of change a fix makes; drives how `--data-dir` verifies it. */
export type FixKind =
  | 'identity' | 'boundary' | 'session' | 'resource' | 'trust' | 'scp' | 'rcp' | 'vpc-endpoint'
  | 'remove-deny' | 'eks-access-entry' | 'kubernetes-rbac';

/** One change that would let the request through. */
export interface Fix {
  readonly kind: FixKind;
  /** Where the change goes, and how to apply it. */
  readonly where: string;
  readonly policy: JsonMap;
}

/** The answer to a denial. */
export interface Diagnosis {
  readonly denial: ParsedDenial;
  readonly explanation: string;
  readonly fixes: readonly Fix[];
  /** True only when deciding the request again with every fix applied allowed it. */
  readonly verified: boolean;
}

/** The object `--json` prints, with exactly the members of the contract. */
export function diagnosisJson(diagnosis: Diagnosis): JsonMap {
  const d = diagnosis.denial;
  return {
    principal: d.principal,
    principalType: d.principalType,
    account: d.account,
    action: d.action,
    resource: d.resource,
    operation: d.operation,
    reason: { effect: d.reason.effect, policyType: d.reason.policyType },
    explanation: diagnosis.explanation,
    fixes: diagnosis.fixes.map((fix) => ({ where: fix.where, policy: fix.policy })),
    verified: diagnosis.verified,
  };
}
