/**
 * One operation of a service: its handler and, beside it, the authorization it needs. The server
 * decodes and validates the input against the AWS model before either runs, so an operation receives
 * its input typed as the model's (src/model-types/, generated from the same model).
 */
import type { Clock } from '../kernel/clock.ts';
import type { IdGenerator } from '../kernel/ids.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import type { ContextInput, RequestPrincipal } from '../policy/index.ts';
import type { StsSessionRecord } from '../store/session-records.ts';
import type { Store } from '../store/store.ts';
import type { ModelOperations } from '../model-types/index.ts';
import type { WireStructure } from '../kernel/wire-value.ts';
import { accessLevel } from './access-levels.ts';
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
  /** How AccessDenied names the resource when not by its ARN (docs/aws-behaviour/access-denied-messages.md). */
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

/** A service Tollgate carries a model (and generated types) for. */
export type ModeledService = keyof ModelOperations;

/** The operations of service `S`'s model. */
export type OperationName<S extends ModeledService> = keyof ModelOperations[S] & string;

/** What operation `N` of `S` receives: its model input, validated by the server before the operation runs. */
export type OperationInput<S extends ModeledService, N extends OperationName<S>> = ModelOperations[S][N] extends { readonly input: infer I extends WireStructure } ? I : never;

/** What operation `N` of `S` answers: its model output. */
export type OperationOutput<S extends ModeledService, N extends OperationName<S>> = ModelOperations[S][N] extends { readonly output: infer O extends WireStructure } ? O : never;

/** What an operation's file declares: the checks it needs and its handler, typed by the model. */
export interface OperationDefinition<S extends ModeledService, N extends OperationName<S>> {
  /** The checks, in the order AWS makes them; the first denial is the answer. */
  authorize(input: OperationInput<S, N>, ctx: OperationContext): Promise<readonly AuthorizationCheck[]> | readonly AuthorizationCheck[];
  handle(input: OperationInput<S, N>, ctx: OperationContext): Promise<OperationOutput<S, N>>;
}

/** An operation: its definition, named, with what the Service Authorization Reference says of its action. */
export interface Operation<S extends ModeledService, N extends OperationName<S>> extends OperationDefinition<S, N> {
  readonly service: S;
  readonly name: N;
  /**
   * True when the action's access level in the Service Authorization Reference is List or Read
   * (access-levels.ts). Nothing in the request path depends on it (the Store moves the account
   * generation of every write itself: store.ts); test/services/read-only-operations.test.ts checks
   * that every read-only operation moves no generation.
   */
  readonly readOnly: boolean;
}

/**
 * Declares operation `name` of `service`: its input and output types are the model's
 * (src/model-types/), so a member the model does not have fails to compile.
 */
export function defineOperation<S extends ModeledService, N extends OperationName<S>>(service: S, name: N, definition: OperationDefinition<S, N>): Operation<S, N> {
  const level = accessLevel(service, name);
  return { service, name, readOnly: level === 'List' || level === 'Read', authorize: definition.authorize, handle: definition.handle };
}

/** The operations of service `S` that Tollgate implements, by AWS operation name; every other answers NotImplemented. */
export type OperationTable<S extends ModeledService> = { readonly [N in OperationName<S>]?: Operation<S, N> };
