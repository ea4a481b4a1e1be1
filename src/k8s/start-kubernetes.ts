/**
 * Starts the clusters' Kubernetes endpoints beside the AWS endpoint: the token verifier replays
 * tokens through the AWS app itself (its STS), and the listeners follow the claimed ports.
 */
import type { Clock } from '../kernel/clock.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import type { App } from '../server/app.ts';
import type { RequestLog } from '../server/request-log.ts';
import type { Store } from '../store/store.ts';
import { stsHosts } from './authn/presigned-token.ts';
import { TokenVerifier } from './authn/token-verifier.ts';
import { KubeApp } from './kube-app.ts';
import { KubeEndpoints } from './kube-endpoints.ts';

/** The running Kubernetes side. */
export interface Kubernetes {
  readonly app: KubeApp;
  readonly endpoints: KubeEndpoints;
  close(): Promise<void>;
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
  return { app, endpoints, close: () => endpoints.close() };
}
