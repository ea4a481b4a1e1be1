/**
 * The application core: `handle(HttpRequest) → HttpResponse`, testable without a socket. One ordered
 * pipeline (DESIGN.md, "The request pipeline"): request id → resolve service → authenticate → decode →
 * authorize → dispatch → encode → log. Errors are AWS errors, rendered in exactly one place; anything
 * else is a 500 InternalFailure, logged with the request id and never with a secret.
 */
import { AwsError, isAwsError } from '../kernel/aws-error.ts';
import type { Clock } from '../kernel/clock.ts';
import type { IdGenerator } from '../kernel/ids.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import type { ProtocolResponse } from '../protocol/http-message.ts';
import { decodeQueryCall, queryParameters } from '../protocol/query/query-decoder.ts';
import { encodeQueryOutput, queryResponseFormat } from '../protocol/query/query-encoder.ts';
import { encodeQueryError } from '../protocol/query/query-error.ts';
import { decodeRestJsonCall } from '../protocol/rest-json/rest-json-decoder.ts';
import { encodeRestJsonError, encodeRestJsonOutput } from '../protocol/rest-json/rest-json-encoder.ts';
import { RouteTable } from '../protocol/rest-json/route-table.ts';
import type { ServiceModel } from '../protocol/service-model.ts';
import { assertValidInput } from '../protocol/validation/validation-message.ts';
import type { WireStructure } from '../protocol/wire-value.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import type { OperationContext, OperationTable } from '../services/operation.ts';
import { verifySignature, type VerifyOptions } from '../sigv4/index.ts';
import { StoreUnavailable } from '../store/store-errors.ts';
import type { Store } from '../store/store.ts';
import { Authorizer, type AuthorizationOutcome } from './authorizer.ts';
import { consoleRoutes } from './console-routes.ts';
import { CredentialResolver, type ResolvedCredential } from './credential-resolver.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';
import { KeyUsageRecorder } from './key-usage-recorder.ts';
import { forwardedRequest, KUBERNETES_PROXY_PREFIX, proxiedTarget, type KubernetesForwarder } from './kubernetes-proxy.ts';
import type { RequestLog, RequestLogEntry } from './request-log.ts';
import { resolveService, type ServiceName } from './resolve-service.ts';

/** A service: its AWS model and the operations implemented. */
export interface ServiceDefinition {
  readonly model: ServiceModel;
  readonly operations: OperationTable;
}

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
}

/** The application. */
export interface App {
  handle(request: HttpRequest): Promise<HttpResponse>;
  /** Finishes the writes the app started off the request path (key usage); call before closing the store. */
  drain(): Promise<void>;
}

/** Builds the application from its dependencies. */
export function createApp(deps: AppDependencies): App {
  const credentials = new CredentialResolver(deps.store, deps.secrets, deps.clock);
  const authorizer = new Authorizer(deps.store, deps.catalog, deps.clock);
  const keyUsage = new KeyUsageRecorder(deps.store, deps.clock, deps.log);
  const routes = new Map<ServiceName, RouteTable>();
  const started = deps.clock.now();
  // Built once: the verifier's options differ only by service.
  const lookupCredentials = (id: string) => credentials.resolve(id);
  const verifyOptions = new Map<ServiceName, VerifyOptions<ResolvedCredential>>();
  for (const service of Object.keys(deps.services) as ServiceName[]) verifyOptions.set(service, { lookupCredentials, clock: deps.clock, service });
  const consoleRoute = consoleRoutes({ ...deps, lookupCredentials });

  // An operation's own action bears its name (`eks:CreateCluster`; the dependent ones are the log's `checks`), made once.
  const actionNames = new Map<ServiceName, Map<string, string>>();
  const actionOf = (service: ServiceName, operation: string): string => {
    let names = actionNames.get(service);
    if (names === undefined) actionNames.set(service, (names = new Map()));
    let name = names.get(operation);
    if (name === undefined && names.size < 1000) names.set(operation, (name = `${service}:${operation}`));
    return name ?? `${service}:${operation}`;
  };

  async function handle(request: HttpRequest): Promise<HttpResponse> {
    const requestId = deps.ids.requestId();
    const begin = performance.now();
    if (request.path === '/_tollgate/health' && request.method === 'GET') {
      return health(requestId);
    }
    const consoleAnswer = consoleRoute.handle(request, requestId);
    if (consoleAnswer) return consoleAnswer;
    const service: ServiceName = resolveService(request) ?? 'iam';
    const definition = deps.services[service];
    const entry: { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] } = { requestId, service, operation: undefined, principal: undefined, decision: undefined, action: undefined, checks: undefined, decidedBy: undefined, reason: undefined, errorCode: undefined, status: 0, latencyMs: 0 };
    let response: ProtocolResponse;
    try {
      const verified = await verifySignature(request, verifyOptions.get(service)!);
      const caller = verified.credential.caller;
      // IAM is global: whatever Region the client signed for, the call is made in us-east-1 (aws:RequestedRegion).
      const region = service === 'iam' ? 'us-east-1' : verified.scope.region;
      entry.principal = 'arn' in caller.principal ? caller.principal.arn : caller.principal.type;
      keyUsage.touch(caller.accessKeyId, service, region);
      if (deps.kubernetes !== undefined && service === 'eks' && request.path.startsWith(KUBERNETES_PROXY_PREFIX)) {
        const target = proxiedTarget(request.path);
        entry.operation = 'AccessKubernetesApi';
        const forwarded = forwardedRequest(request, target.path);
        Object.assign(entry, await authorizer.authorize(caller, [{ action: 'eks:AccessKubernetesApi', resource: `arn:aws:eks:${target.region}:${caller.accountId}:cluster/${target.cluster}` }], {
          sourceIp: request.sourceIp, secure: request.secure, time: new Date(deps.clock.now()), region, userAgent: request.headers['user-agent'], referer: request.headers.referer,
        }, service));
        const answer = await deps.kubernetes.forward(caller, target.region, target.cluster, forwarded);
        if (!answer) throw new AwsError('ResourceNotFoundException', 404, `No cluster found for name: ${target.cluster}.`);
        entry.status = answer.status;
        entry.latencyMs = Math.round((performance.now() - begin) * 1000) / 1000;
        deps.log.request(entry);
        return { ...answer, headers: { ...answer.headers, 'x-amzn-requestid': requestId } };
      }
      const call = decode(definition, service, request);
      entry.operation = call.operation;
      entry.action = actionOf(service, call.operation);
      assertValidInput(definition.model, call.operation, call.input);
      const operation = definition.operations[call.operation];
      if (!operation) throw new AwsError(service === 'eks' ? 'NotImplementedException' : 'NotImplemented', 501, `Tollgate does not implement ${service}:${call.operation} yet.`, 'Receiver');
      const ctx: OperationContext = { store: deps.store, clock: deps.clock, ids: deps.ids, secrets: deps.secrets, managedPolicies: deps.catalog, caller, region, requestId, eksDelaySeconds: deps.eksDelaySeconds, kubernetesPorts: deps.kubernetesPorts };
      const checks = await operation.authorize(call.input, ctx);
      const outcome = await authorizer.authorize(caller, checks, {
        sourceIp: request.sourceIp, secure: request.secure, time: new Date(deps.clock.now()), region,
        userAgent: request.headers['user-agent'], referer: request.headers.referer,
      }, service);
      Object.assign(entry, outcome);
      const output = await operation.handle(call.input, ctx);
      response = encode(definition, service, call.operation, output, requestId, request);
    } catch (error) {
      const outcome = (error as { outcome?: AuthorizationOutcome }).outcome;
      if (outcome) Object.assign(entry, outcome);
      const awsError = isAwsError(error) ? error : error instanceof StoreUnavailable ? storeUnavailable(service) : internalFailure(error, requestId, deps.log);
      entry.errorCode = awsError.code;
      response = service === 'eks' ? encodeRestJsonError(definition.model, awsError, requestId) : encodeQueryError(definition.model, awsError, requestId, queryResponseFormat(request.headers.accept));
    }
    entry.status = response.status;
    entry.latencyMs = Math.round((performance.now() - begin) * 1000) / 1000;
    deps.log.request(entry);
    return response;
  }

  /** `/_tollgate/health`: 200 while the store answers, 503 (same body) while it cannot be reached. */
  async function health(requestId: string): Promise<HttpResponse> {
    const reachable = await deps.store.ping().then(() => true, () => false);
    const kind = deps.store.description.slice(0, deps.store.description.indexOf(':'));
    return json(reachable ? 200 : 503, {
      version: deps.version, services: Object.keys(deps.services), store: deps.store.description, storeKind: kind, storeReachable: reachable,
      uptimeSeconds: Math.floor((deps.clock.now() - started) / 1000),
    }, requestId);
  }

  function decode(definition: ServiceDefinition, service: ServiceName, request: HttpRequest): { operation: string; input: WireStructure } {
    if (service === 'eks') {
      let table = routes.get(service);
      if (!table) routes.set(service, (table = new RouteTable(definition.model)));
      return decodeRestJsonCall(definition.model, table, { method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body.toString('utf8') });
    }
    const body = request.method === 'POST' ? request.body.toString('utf8') : '';
    return decodeQueryCall(definition.model, queryParameters(body, request.query));
  }

  return { handle, drain: () => keyUsage.drain() };
}

function encode(definition: ServiceDefinition, service: ServiceName, operation: string, output: WireStructure | undefined, requestId: string, request: HttpRequest): ProtocolResponse {
  return service === 'eks'
    ? encodeRestJsonOutput(definition.model, operation, output, requestId)
    : encodeQueryOutput(definition.model, operation, output, requestId, queryResponseFormat(request.headers.accept));
}

function internalFailure(error: unknown, requestId: string, log: RequestLog): AwsError {
  log.failure(requestId, error);
  return new AwsError('InternalFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.', 'Receiver');
}

/**
 * The database cannot be reached: AWS's answer for a temporary failure (503), which the SDKs retry. IAM
 * and STS: the common error `ServiceUnavailable`; EKS: its model's `ServiceUnavailableException`.
 */
function storeUnavailable(service: ServiceName): AwsError {
  return service === 'eks'
    ? new AwsError('ServiceUnavailableException', 503, 'The service is unavailable. Back off and retry the operation.', 'Receiver')
    : new AwsError('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.', 'Receiver');
}

function json(status: number, body: unknown, requestId: string): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
}
