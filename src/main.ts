/**
 * The composition root: the only place that picks implementations (SQLite, the wall clock, random
 * ids, pino) and touches files and the environment (DESIGN.md, "The one picture").
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from './kernel/clock.ts';
import { randomIds, type IdGenerator } from './kernel/ids.ts';
import { SecretBox } from './kernel/secret-box.ts';
import { eksModel, iamModel, stsModel } from './protocol/models/index.ts';
import { createApp, type App } from './server/app.ts';
import { listen, type RunningServer } from './server/http-endpoint.ts';
import { pinoLog, type RequestLog } from './server/request-log.ts';
import { awsManagedPolicyCatalog, type AwsManagedPolicyCatalog } from './services/iam/aws-managed-policy-catalog.ts';
import { createAccount, type NewAccount } from './services/iam/create-account.ts';
import { eksOperations } from './services/eks/index.ts';
import { iamOperations } from './services/iam/index.ts';
import { stsOperations } from './services/sts/index.ts';
import { DEFAULT_KUBERNETES_PORTS, upgradeClusterEndpoints, type PortRange } from './services/eks/kubernetes-endpoint.ts';
import { startKubernetes, type Kubernetes } from './k8s/start-kubernetes.ts';
import type { KubernetesForwarder } from './server/kubernetes-proxy.ts';
import { loadMasterKey } from './store/master-key.ts';
import { openSqliteStore } from './store/sqlite/sqlite-store.ts';
import type { Store } from './store/store.ts';

/** The account created on first start (the EKS troubleshooting guide's). */
export const DEFAULT_ACCOUNT_ID = '111122223333';

const packageJson = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
let catalog: AwsManagedPolicyCatalog | undefined;

/** The shipped AWS managed policies, read once. */
export function managedPolicyCatalog(): AwsManagedPolicyCatalog {
  catalog ??= awsManagedPolicyCatalog(JSON.parse(readFileSync(fileURLToPath(new URL('../data/aws-managed-policies.json', import.meta.url)), 'utf8')));
  return catalog;
}

/** An opened data directory: store, secrets and the rest of what the app needs. */
export interface Runtime {
  readonly dataDir: string;
  readonly store: Store;
  readonly secrets: SecretBox;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Opens (creating if needed) the data directory `dataDir`. */
export async function openRuntime(dataDir: string, options: { clock?: Clock; ids?: IdGenerator; environment?: Readonly<Record<string, string | undefined>> } = {}): Promise<Runtime> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secrets = new SecretBox(loadMasterKey(dir, options.environment ?? process.env));
  const store = await openSqliteStore({ file: join(dir, 'tollgate.db') });
  return { dataDir: dir, store, secrets, clock: options.clock ?? systemClock, ids: options.ids ?? randomIds };
}

/** The application over a runtime. */
export function buildApp(runtime: Runtime, log: RequestLog, options: { eksDelaySeconds?: number | undefined; k8sPorts?: PortRange | undefined; kubernetes?: KubernetesForwarder } = {}): App {
  return createApp({
    store: runtime.store,
    clock: runtime.clock,
    ids: runtime.ids,
    secrets: runtime.secrets,
    catalog: managedPolicyCatalog(),
    services: {
      iam: { model: iamModel, operations: iamOperations },
      sts: { model: stsModel, operations: stsOperations },
      eks: { model: eksModel, operations: eksOperations },
    },
    log,
    version: packageJson.version,
    ...(options.eksDelaySeconds === undefined ? {} : { eksDelaySeconds: options.eksDelaySeconds }),
    ...(options.k8sPorts === undefined ? {} : { kubernetesPorts: options.k8sPorts }),
    ...(options.kubernetes === undefined ? {} : { kubernetes: options.kubernetes }),
  });
}

/** A running Tollgate. */
export interface Tollgate {
  readonly server: RunningServer;
  readonly runtime: Runtime;
  /** The clusters' Kubernetes endpoints. */
  readonly kubernetes: Kubernetes;
  /** The root credentials file written on first start, if this start wrote it. */
  readonly rootCredentialsFile: string | undefined;
  close(): Promise<void>;
}

/** Starts Tollgate: opens the data directory, creates the default account on first start, listens. */
export async function startTollgate(options: {
  host: string; port: number; dataDir: string; log?: RequestLog; clock?: Clock; eksDelaySeconds?: number | undefined;
  /** Ports of the clusters' Kubernetes endpoints (`--k8s-port-range`); 4600–4999 by default. */
  k8sPorts?: PortRange | undefined;
}): Promise<Tollgate> {
  const runtime = await openRuntime(options.dataDir, { clock: options.clock });
  const rootCredentialsFile = await bootstrapDefaultAccount(runtime);
  const log = options.log ?? pinoLog();
  const k8sPorts = options.k8sPorts ?? DEFAULT_KUBERNETES_PORTS;
  const upgraded = await upgradeClusterEndpoints(runtime.store, runtime.secrets, runtime.clock, k8sPorts);
  if (upgraded > 0) log.info('clusters given a Kubernetes endpoint', { clusters: upgraded });
  // The AWS app forwards the console's Kubernetes requests to the Kubernetes side, which verifies tokens through the AWS app.
  const late: { kubernetes?: Kubernetes } = {};
  const forwarder: KubernetesForwarder = { forward: (...args) => late.kubernetes!.forward(...args) };
  const app = buildApp(runtime, log, { eksDelaySeconds: options.eksDelaySeconds, k8sPorts, kubernetes: forwarder });
  const server = await listen(app, options.host, options.port);
  const kubernetes = (late.kubernetes = await startKubernetes({ app, runtime, log, host: options.host, awsPort: server.port }));
  return {
    server,
    runtime,
    kubernetes,
    rootCredentialsFile,
    close: async () => {
      await kubernetes.close();
      await server.close();
      await app.drain();
      await runtime.store.close();
    },
  };
}

/** On an empty data directory: account 111122223333 and its root credentials file (mode 0600). */
async function bootstrapDefaultAccount(runtime: Runtime): Promise<string | undefined> {
  if ((await runtime.store.accounts.list()).length > 0) return undefined;
  let account: NewAccount;
  try {
    account = await createAccount(runtime, DEFAULT_ACCOUNT_ID);
  } catch (error) {
    // Another process bootstrapped the same directory at the same moment.
    if ((await runtime.store.accounts.get(DEFAULT_ACCOUNT_ID)) !== undefined) return undefined;
    throw error;
  }
  const file = join(runtime.dataDir, 'root-credentials');
  writeFileSync(file, `[default]\naws_access_key_id = ${account.AccessKeyId}\naws_secret_access_key = ${account.SecretAccessKey}\n`, { mode: 0o600 });
  return file;
}
