/**
 * One operation of a service: its handler and, beside it, the authorization it needs (DESIGN.md,
 * "Operations"). The server decodes and validates the input against the AWS model before either runs,
 * so an operation may read its input through the wire interface it declares.
 */
import type { Clock } from '../kernel/clock.ts';
import type { IdGenerator } from '../kernel/ids.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import type { ContextInput, RequestPrincipal } from '../policy/index.ts';
import type { WireStructure } from '../kernel/wire-value.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import type { Store } from '../store/store.ts';
import type { AwsManagedPolicyCatalog } from './iam/aws-managed-policy-catalog.ts';

/** Who is calling, as authentication established it. */
export interface Caller {
  readonly principal: RequestPrincipal;
  readonly accountId: string;
  readonly accessKeyId: string;
  /** Whether the credentials are the root user's, an IAM user's long-term key, or temporary. */
  readonly credentialType: 'root' | 'user' | 'session';
  /** For temporary credentials: what STS recorded when it issued them. */
  readonly session?: StsSessionRecord;
}

/** A resource-based policy that takes part in a check, as stored (for roles: the trust policy with unique ids). */
export interface ResourcePolicy {
  /** `trust` for a role's trust policy, `resource` for any other resource-based policy. */
  readonly kind: 'trust' | 'resource';
  readonly document: string;
  /** How decisions and logs name it, e.g. `role/EKSReadOnly`. */
  readonly name: string;
}

/** One permission an operation needs: an action on a resource, with the condition keys it sets. */
export interface AuthorizationCheck {
  readonly action: string;
  /** The ARN policies are matched against, or `*`. */
  readonly resource: string;
  /** How AccessDenied names the resource when not by its ARN (IAM-SPEC §5.6). */
  readonly messageResource?: string;
  /** The account that owns the resource; defaults to the ARN's. */
  readonly resourceAccount?: string;
  /** Condition keys beyond the request's global ones (`aws:RequestTag/…`, `iam:PolicyARN`, …). */
  readonly context?: Readonly<Record<string, ContextInput>>;
  /** The resource's own policies; when given (even empty) they fill the resource slot of the decision. */
  readonly resourcePolicies?: readonly ResourcePolicy[];
}

/** What an operation may use. */
export interface OperationContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly secrets: SecretBox;
  readonly managedPolicies: AwsManagedPolicyCatalog;
  readonly caller: Caller;
  /** The region of the request's credential scope. */
  readonly region: string;
  readonly requestId: string;
  /** How long EKS resources stay CREATING, UPDATING or DELETING (`--eks-delay-seconds`); EKS's default when absent. */
  readonly eksDelaySeconds?: number | undefined;
  /** The local ports EKS clusters' Kubernetes endpoints are given (`--k8s-port-range`); 4600–4999 when absent. */
  readonly kubernetesPorts?: { readonly first: number; readonly last: number } | undefined;
}

/** An operation, typed by its wire input and output. */
export interface OperationDefinition<I, O> {
  /** Read-only operations write nothing (the Store itself moves the account generation with every write: store.ts). */
  readonly readOnly?: boolean;
  /** The checks, in the order AWS makes them; the first denial is the answer. */
  authorize(input: I, ctx: OperationContext): Promise<readonly AuthorizationCheck[]> | readonly AuthorizationCheck[];
  handle(input: I, ctx: OperationContext): Promise<O>;
}

/** An operation as the server sees it. */
export interface Operation {
  readonly readOnly: boolean;
  authorize(input: WireStructure, ctx: OperationContext): Promise<readonly AuthorizationCheck[]> | readonly AuthorizationCheck[];
  handle(input: WireStructure, ctx: OperationContext): Promise<WireStructure | undefined>;
}

/**
 * Declares an operation. The input type is the operation's wire input: it is sound to read it so
 * because the server validated the request against the AWS model (types, required members) first.
 */
export function defineOperation<I extends object, O extends object | undefined>(definition: OperationDefinition<I, O>): Operation {
  return {
    readOnly: definition.readOnly ?? false,
    authorize: (input, ctx) => definition.authorize(input as unknown as I, ctx),
    handle: (input, ctx) => definition.handle(input as unknown as I, ctx) as Promise<WireStructure | undefined>,
  };
}

/** A service's operations by AWS operation name. */
export type OperationTable = Readonly<Record<string, Operation>>;
