/**
 * Starts the clusters' Kubernetes endpoints beside the AWS endpoint: the token verifier replays
 * tokens through the AWS app itself (its STS), and the listeners follow the claimed ports.
 */
import type { Clock } from '../kernel/clock.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import type { App } from '../server/app.ts';
import type { HttpResponse } from '../server/http-exchange.ts';
import type { KubernetesForwarder } from '../server/kubernetes-proxy.ts';
import type { Caller } from '../services/operation.ts';
import { callerIdentity } from '../services/sts/operations/get-caller-identity.ts';
import { stsIdentity } from './authn/sts-identity.ts';
import type { RequestLog } from '../server/request-log.ts';
import type { Store } from '../store/store.ts';
import { stsHosts } from './authn/presigned-token.ts';
import { TokenVerifier } from './authn/token-verifier.ts';
import { KubeApp } from './kube-app.ts';
import { KubeEndpoints } from './kube-endpoints.ts';

/** The running Kubernetes side. */
export interface Kubernetes extends KubernetesForwarder {
  readonly app: KubeApp;
  readonly endpoints: KubeEndpoints;
  close(): Promise<void>;
}

/** The IAM identity a signed AWS request's caller has, as GetCallerIdentity would report it. */
function identityOf(caller: Caller) {
  return stsIdentity(callerIdentity(caller.principal, caller.accountId), caller.accessKeyId);
}

/** Starts serving every claimed cluster port. */
export async function startKubernetes(options: {
  readonly app: App;
  readonly runtime: { readonly store: Store; readonly secrets: SecretBox; readonly clock: Clock };
  readonly log: RequestLog;
  /** The address to bind. */
  readonly host: string;
  /** The AWS endpoint's port: tokens presigned for it are Tollgate's own STS. */
  readonly awsPort: number;
}): Promise<Kubernetes> {
  const { store, secrets, clock } = options.runtime;
  const verifier = new TokenVerifier({ replay: (request) => options.app.handle(request), store, clock, isStsHost: stsHosts(options.awsPort) });
  const app = new KubeApp({ store, clock, log: options.log, verifier });
  const endpoints = new KubeEndpoints({ app, store, secrets, clock, log: options.log, host: options.host });
  await endpoints.start();
  return {
    app, endpoints, close: () => endpoints.close(),
    forward: async (caller, region, cluster, request): Promise<HttpResponse | undefined> => {
      const ref = await app.clusterRef(caller.accountId, region, cluster);
      if (!ref) return undefined;
      const response = await app.forward(ref, identityOf(caller), { ...request, headersDistinct: {} });
      if ('watch' in response) throw new Error('a watch cannot be forwarded');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) headers[name] = typeof value === 'string' ? value : value.join(', ');
      return { status: response.status, headers, body: response.body };
    },
  };
}
