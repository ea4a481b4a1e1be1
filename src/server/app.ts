/**
 * The application core: `handle(HttpRequest) → HttpResponse`, testable without a socket. A request meets
 * the endpoint routes first, in order (`/_tollgate/health`, and whatever else the endpoint serves beside
 * AWS APIs); any other request is an AWS API call, taken through the pipeline's named steps:
 *
 *   request id → resolve service → authenticate → decode → validate and find operation → authorize
 *   → dispatch → encode → log
 *
 * No step names a service or a protocol: a service brings its model, its operations and, through its
 * model's `protocol`, its codec (protocol/codecs.ts). Errors are AWS errors, encoded in one place by the
 * service's codec; anything else is a 500 InternalFailure, logged with the request id, never with a secret.
 */
import { AwsError, isAwsError } from '../kernel/aws-error.ts';
import type { Clock } from '../kernel/clock.ts';
import type { IdGenerator } from '../kernel/ids.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import type { DecodedCall } from '../protocol/codec.ts';
import type { ProtocolResponse } from '../protocol/http-message.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import type { AuthorizationCheck, OperationContext } from '../services/operation.ts';
import { verifySignature, type VerifiedRequest } from '../sigv4/index.ts';
import { StoreUnavailable } from '../store/store-errors.ts';
import type { Store } from '../store/store.ts';
import { AccessDeniedError } from './access-denied-error.ts';
import { Authorizer, type AuthorizationOutcome } from './authorizer.ts';
import { consoleRoutes } from './console-routes.ts';
import { CredentialResolver, type ResolvedCredential } from './credential-resolver.ts';
import type { EndpointRoute } from './endpoint-route.ts';
import { healthRoute } from './health-route.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';
import { KeyUsageRecorder } from './key-usage-recorder.ts';
import { forwardedRequest, KUBERNETES_PROXY_PREFIX, proxiedTarget, type KubernetesForwarder } from './kubernetes-proxy.ts';
import type { RequestLog, RequestLogEntry } from './request-log.ts';
import { resolveService, type ServiceName } from './resolve-service.ts';
import { servedServices, type ServedService } from './served-service.ts';
import type { BoundOperation, ServiceDefinition } from './service-definition.ts';
import { TrailRecorder, type FinishedCall } from './trail-recorder.ts';
import { whyRoute } from './why-route.ts';

export type { ServiceDefinition } from './service-definition.ts';

/** What the application is made of (wired in main.ts). */
export interface AppDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly secrets: SecretBox;
  readonly catalog: AwsManagedPolicyCatalog;
  readonly services: Readonly<Record<ServiceName, ServiceDefinition>>;
  readonly log: RequestLog;
  readonly version: string;
  /** EKS lifecycle delay in seconds (`tollgate serve --eks-delay-seconds`). */
  readonly eksDelaySeconds?: number;
  /** The ports clusters' Kubernetes endpoints are given (`tollgate serve --k8s-port-range`). */
  readonly kubernetesPorts?: { readonly first: number; readonly last: number };
  /** The clusters' Kubernetes APIs, for the console's proxy (`kubernetes-proxy.ts`). */
  readonly kubernetes?: KubernetesForwarder;
  /** The audit trail (`trail-recorder.ts`): on unless `enabled` is false; `maxEvents` kept (`--trail-max-events`). */
  readonly trail?: { readonly enabled?: boolean; readonly maxEvents?: number | undefined };
  /** More endpoint routes, checked after health and the console's (`/_tollgate/metrics`). */
  readonly routes?: readonly EndpointRoute[];
}

/** The application. */
export interface App {
  handle(request: HttpRequest): Promise<HttpResponse>;
  /** Finishes the writes the app started off the request path (key usage); call before closing the store. */
  drain(): Promise<void>;
}

/** A request log entry while the pipeline fills it in. */
type OpenEntry = { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] };

/** What the audit trail records of an authenticated call, while the pipeline fills it in. */
type OpenCall = { -readonly [K in keyof FinishedCall]: FinishedCall[K] };

/** Builds the application from its dependencies. */
export function createApp(deps: AppDependencies): App {
  const credentials = new CredentialResolver(deps.store, deps.secrets, deps.clock);
  const authorizer = new Authorizer(deps.store, deps.catalog, deps.clock);
  const keyUsage = new KeyUsageRecorder(deps.store, deps.clock, deps.log);
  const trail = deps.trail?.enabled === false ? undefined : new TrailRecorder(deps.store, deps.clock, deps.log, deps.trail?.maxEvents);
  const lookupCredentials = (id: string) => credentials.resolve(id);
  const services = servedServices(deps.services, { lookupCredentials, clock: deps.clock });

  /**
   * What the endpoint answers before the AWS pipeline, checked in this order. Routes that are not AWS API
   * calls (a console's files and sign-in, a proxy) go here, after health.
   */
  const endpointRoutes: readonly EndpointRoute[] = [
    healthRoute({ version: deps.version, services: Object.keys(deps.services), store: deps.store, clock: deps.clock }),
    consoleRoutes({ ...deps, lookupCredentials }),
    { handle: whyRoute({ ...deps, authorizer, lookupCredentials, flushTrail: async () => trail?.drain() }) },
    ...(deps.routes ?? []),
  ];

  async function handle(request: HttpRequest): Promise<HttpResponse> {
    const requestId = deps.ids.requestId();
    for (const route of endpointRoutes) {
      const answer = route.handle(request, requestId);
      if (answer !== undefined) return answer;
    }
    const begin = performance.now();
    const service = resolve(request);
    const entry = openEntry(requestId, service.name);
    let response: ProtocolResponse;
    let call: OpenCall | undefined;
    try {
      const verified = await authenticate(service, request);
      const ctx = operationContext(service, verified, requestId, entry);
      if (service.name === 'eks' && deps.kubernetes !== undefined && request.path.startsWith(KUBERNETES_PROXY_PREFIX)) {
        return await proxyToKubernetes(deps.kubernetes, service, ctx, request, entry, begin);
      }
      const decoded = decode(service, request, entry);
      if (trail !== undefined) call = openCall(service, decoded, ctx, request);
      const operation = bind(service, decoded);
      if (call !== undefined) call.readOnly = operation.operation.readOnly;
      const checks = await operation.authorize(ctx);
      if (call !== undefined) call.checks = checks;
      const outcome = await authorize(service, checks, ctx, request);
      recordOutcome(entry, outcome);
      if (call !== undefined) call.decided = outcome.decided;
      const output = await operation.handle(ctx);
      if (call !== undefined) call.output = output;
      response = service.codec.encodeOutput(decoded.operation, output, requestId, request);
    } catch (error) {
      response = encodeError(service, error, requestId, request, entry, call);
    }
    if (call !== undefined) trail!.record(call);
    return log(entry, response, begin);
  }

  /** The audit trail's note of an authenticated call, filled in by the steps after decode. */
  function openCall(service: ServedService, decoded: DecodedCall, ctx: OperationContext, request: HttpRequest): OpenCall {
    return {
      requestId: ctx.requestId, time: new Date(deps.clock.now()), service: service.name, operation: decoded.operation, region: ctx.region, caller: ctx.caller,
      sourceIp: request.sourceIp, secure: request.secure, userAgent: request.headers['user-agent'], referer: request.headers.referer,
      // The operation's access level says once it is bound; a call refused before (invalid, not implemented) goes by its name.
      readOnly: /^(Get|List|Describe|Lookup)/.test(decoded.operation),
      input: decoded.input, output: undefined, errorCode: undefined, errorMessage: undefined, checks: undefined, decided: undefined, decidedBy: undefined,
    };
  }

  /** resolve service: by the credential scope, the Host, or the request's shape (resolve-service.ts); IAM when nothing tells. */
  function resolve(request: HttpRequest): ServedService {
    return services.get(resolveService(request) ?? 'iam')!;
  }

  // The steps that wait (authenticate, authorize) answer the promise of the work itself: an async wrapper
  // would cost every request another turn of the microtask queue.

  /** authenticate: SigV4, verified against the caller's key (a signing error is in the service's protocol). */
  function authenticate(service: ServedService, request: HttpRequest): Promise<VerifiedRequest<ResolvedCredential>> {
    return verifySignature(request, service.verify);
  }

  /** The caller, and the Region the call is made in, as the operation sees them; the key's use is recorded. */
  function operationContext(service: ServedService, verified: VerifiedRequest<ResolvedCredential>, requestId: string, entry: OpenEntry): OperationContext {
    const caller = verified.credential.caller;
    const region = service.globalRegion ?? verified.scope.region;
    entry.principal = 'arn' in caller.principal ? caller.principal.arn : caller.principal.type;
    keyUsage.touch(caller.accessKeyId, service.name, region);
    return { store: deps.store, clock: deps.clock, ids: deps.ids, secrets: deps.secrets, managedPolicies: deps.catalog, caller, region, requestId, eksDelaySeconds: deps.eksDelaySeconds, kubernetesPorts: deps.kubernetesPorts };
  }

  /** decode: the operation the request names and its input, by the service's codec. */
  function decode(service: ServedService, request: HttpRequest, entry: OpenEntry): DecodedCall {
    const call = service.codec.decode(request);
    entry.operation = call.operation;
    entry.action = service.actionOf(call.operation);
    return call;
  }

  /**
   * validate and find operation: the input against the model's shapes and constraints (the service's
   * validation error), then the operation it names, bound to that input; a modeled operation Tollgate
   * has not written answers the protocol's not-implemented error.
   */
  function bind(service: ServedService, call: DecodedCall): BoundOperation {
    const operation = service.bind(call);
    if (operation) return operation;
    throw new AwsError(service.codec.errorCodes.notImplemented, 501, `Tollgate does not implement ${service.name}:${call.operation} yet.`, { fault: 'Receiver' });
  }

  /** authorize: the checks the operation declared, decided for the caller; the first denial throws AccessDeniedError. */
  function authorize(service: ServedService, checks: readonly AuthorizationCheck[], ctx: OperationContext, request: HttpRequest): Promise<AuthorizationOutcome> {
    return authorizer.authorize(ctx.caller, checks, {
      sourceIp: request.sourceIp, secure: request.secure, time: new Date(deps.clock.now()), region: ctx.region,
      userAgent: request.headers['user-agent'], referer: request.headers.referer,
    }, service);
  }

  /**
   * The console's proxy to a cluster's Kubernetes API (`/_tollgate/k8s/REGION/CLUSTER/...`), after
   * authenticate: authorized as eks:AccessKubernetesApi on the cluster, then answered by the cluster's
   * own endpoint (its access entries and RBAC decide again, as for kubectl).
   */
  async function proxyToKubernetes(kubernetes: KubernetesForwarder, service: ServedService, ctx: OperationContext, request: HttpRequest, entry: OpenEntry, begin: number): Promise<HttpResponse> {
    const target = proxiedTarget(request.path);
    entry.operation = 'AccessKubernetesApi';
    entry.action = 'eks:AccessKubernetesApi';
    const cluster = `arn:aws:eks:${target.region}:${ctx.caller.accountId}:cluster/${target.cluster}`;
    recordOutcome(entry, await authorize(service, [{ action: 'eks:AccessKubernetesApi', resource: cluster }], ctx, request));
    const answer = await kubernetes.forward(ctx.caller, target.region, target.cluster, forwardedRequest(request, target.path));
    if (!answer) throw new AwsError('ResourceNotFoundException', 404, `No cluster found for name: ${target.cluster}.`);
    entry.status = answer.status;
    entry.latencyMs = Math.round((performance.now() - begin) * 1000) / 1000;
    deps.log.request(entry);
    return { ...answer, headers: { ...answer.headers, 'x-amzn-requestid': ctx.requestId } };
  }

  /** encode (errors): an AWS error in the service's protocol; anything else becomes InternalFailure. */
  function encodeError(service: ServedService, error: unknown, requestId: string, request: HttpRequest, entry: OpenEntry, call: OpenCall | undefined): ProtocolResponse {
    if (error instanceof AccessDeniedError) recordOutcome(entry, error.outcome);
    const awsError = isAwsError(error) ? error : error instanceof StoreUnavailable ? storeUnavailable(service.name) : internalFailure(error, requestId, deps.log);
    entry.errorCode = awsError.code;
    if (call !== undefined) {
      call.errorCode = awsError.code;
      call.errorMessage = awsError.message;
      if (error instanceof AccessDeniedError) {
        call.decided = error.outcome.decided;
        call.decidedBy = error.outcome.decidedBy;
      }
    }
    return service.codec.encodeError(awsError, requestId, request);
  }

  /** log: one line per AWS request, with its status and latency. */
  function log(entry: OpenEntry, response: ProtocolResponse, begin: number): ProtocolResponse {
    entry.status = response.status;
    entry.latencyMs = Math.round((performance.now() - begin) * 1000) / 1000;
    deps.log.request(entry);
    return response;
  }

  return {
    handle,
    drain: async () => {
      await keyUsage.drain();
      await trail?.drain();
    },
  };
}

function openEntry(requestId: string, service: ServiceName): OpenEntry {
  return { requestId, service, operation: undefined, principal: undefined, decision: undefined, action: undefined, checks: undefined, decidedBy: undefined, reason: undefined, errorCode: undefined, status: 0, latencyMs: 0 };
}

function recordOutcome(entry: OpenEntry, outcome: AuthorizationOutcome): void {
  entry.decision = outcome.decision;
  entry.checks = outcome.checks;
  entry.decidedBy = outcome.decidedBy;
  entry.reason = outcome.reason;
}

/**
 * The database cannot be reached: AWS's answer for a temporary failure (503), which the SDKs retry. IAM
 * and STS: the common error `ServiceUnavailable`; EKS: its model's `ServiceUnavailableException`.
 */
function storeUnavailable(service: ServiceName): AwsError {
  return service === 'eks'
    ? new AwsError('ServiceUnavailableException', 503, 'The service is unavailable. Back off and retry the operation.', { fault: 'Receiver' })
    : new AwsError('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.', { fault: 'Receiver' });
}

function internalFailure(error: unknown, requestId: string, log: RequestLog): AwsError {
  log.failure(requestId, error);
  return new AwsError('InternalFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.', { fault: 'Receiver' });
}
