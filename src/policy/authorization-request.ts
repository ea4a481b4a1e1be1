/**
 * One (principal, action, resource) question put to the engine (docs/aws-behaviour/iam-policy-evaluation.md), with what a decision
 * needs precomputed once.
 */
import { ResourceName, splitArn } from './arn-pattern.ts';
import { RequestContext, type ContextInput } from './request-context.ts';
import { principalAccount, principalContextKeys, type RequestPrincipal } from './request-principal.ts';

/** The fields of a request. */
export interface AuthorizationRequestInit {
  readonly principal: RequestPrincipal;
  /** `service:ActionName` in AWS's canonical case. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource. */
  readonly resource: string;
  /** The account owning the resource; defaults to the ARN's account, else the caller's. */
  readonly resourceAccount?: string | undefined;
  /** The request's condition keys; the caller-derived keys are added where absent. */
  readonly context?: RequestContext | Readonly<Record<string, ContextInput>>;
  /** How the resource is named in AccessDenied messages, when not its ARN (docs/aws-behaviour/access-denied-messages.md). */
  readonly messageResource?: string | undefined;
}

/** A request ready for evaluation. */
export class AuthorizationRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly lowerAction: string;
  readonly resource: ResourceName;
  readonly resourceAccount: string | undefined;
  readonly principalAccount: string | undefined;
  readonly context: RequestContext;
  readonly messageResource: string;

  constructor(init: AuthorizationRequestInit) {
    this.principal = init.principal;
    this.action = init.action;
    this.lowerAction = init.action.toLowerCase();
    this.resource = new ResourceName(init.resource);
    this.principalAccount = principalAccount(init.principal);
    const arnAccount = init.resource === '*' ? undefined : splitArn(init.resource)[4];
    this.resourceAccount = init.resourceAccount ?? (arnAccount || this.principalAccount);
    this.messageResource = init.messageResource ?? init.resource;
    const given = init.context instanceof RequestContext ? init.context : new RequestContext(init.context ?? {});
    this.context = given.principalKeysOf === init.principal ? given : given.withDefaults(principalContextKeys(init.principal));
  }

  /** True when caller and resource are in different accounts (docs/aws-behaviour/iam-policy-evaluation.md). */
  get crossAccount(): boolean {
    return this.principalAccount !== undefined && this.resourceAccount !== undefined && this.principalAccount !== this.resourceAccount;
  }
}
