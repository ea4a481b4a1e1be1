/**
 * The composition root: the only place that picks implementations (SQLite, the wall clock, random
 * ids, pino) and touches files and the environment (docs/architecture.md, "Layers and their rules").
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from './kernel/clock.ts';
import { randomIds, type IdGenerator } from './kernel/ids.ts';
import { SecretBox } from './kernel/secret-box.ts';
import { cloudtrailModel, eksModel, iamModel, stsModel } from './protocol/models/index.ts';
import { createApp, type App } from './server/app.ts';
import { listen, type RunningServer } from './server/http-endpoint.ts';
import { TollgateMetrics } from './server/metrics.ts';
import { pinoLog, type RequestLog } from './server/request-log.ts';
import { serviceDefinition } from './server/service-definition.ts';
import type { GivenRootKey } from './services/iam/create-account.ts';
import { cloudtrailOperations } from './services/cloudtrail/index.ts';
import { eksOperations } from './services/eks/index.ts';
import { iamOperations } from './services/iam/index.ts';
import { stsOperations } from './services/sts/index.ts';
import { DEFAULT_KUBERNETES_PORTS, upgradeClusterEndpoints, type PortRange } from './services/eks/clusters/kubernetes-endpoint.ts';
import { startKubernetes, type Kubernetes } from './k8s/start-kubernetes.ts';
import type { KubernetesForwarder } from './server/kubernetes-proxy.ts';
import { loadMasterKey } from './store/master-key.ts';
import { PRIVATE_DIRECTORY_MODE, restrictToOwner } from './store/private-files.ts';
import { masterKeyProblem } from './store/master-key-check.ts';
import { openSharedStore } from './store-location.ts';
import { openSqliteStore } from './store/sqlite/sqlite-store.ts';
import type { Store } from './store/store.ts';
import { bootstrapDefaultAccount } from './default-account.ts';
import { managedPolicyCatalog } from './managed-policy-catalog.ts';
import { dataDirectoryProblem, listenProblem, StartupError } from './startup-error.ts';

export { DEFAULT_ACCOUNT_ID } from './default-account.ts';

const packageJson = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
export { managedPolicyCatalog };

/** An opened data directory: store, secrets and the rest of what the app needs. */
export interface Runtime {
  readonly dataDir: string;
  readonly store: Store;
  readonly secrets: SecretBox;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** The files of a data directory that hold secrets: the owner's alone (`store/private-files.ts`). */
const PRIVATE_FILES = ['tollgate.db', 'tollgate.db-wal', 'tollgate.db-shm', 'master.key', 'root-credentials'];

/** What `openRuntime` says of a file it found readable by others and restricted to its owner. */
function sayRestricted(file: string, formerMode: number): void {
  process.stderr.write(`tollgate: ${file} was readable by others (mode ${formerMode.toString(8).padStart(4, '0')}); restricted it to its owner\n`);
}

/**
 * Opens (creating if needed) the data directory `dataDir`: created 0700; its files are created 0600,
 * and any found readable by others are restricted to their owner and reported to `onRestricted`
 * (by default, a line on stderr).
 */
export async function openRuntime(dataDir: string, options: {
  clock?: Clock; ids?: IdGenerator; environment?: Readonly<Record<string, string | undefined>>; onRestricted?: (file: string, formerMode: number) => void;
  /** A PostgreSQL URL (`--database`): the store lives there, shared with other processes, instead of in `tollgate.db`. */
  database?: string | undefined;
} = {}): Promise<Runtime> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  for (const name of PRIVATE_FILES) {
    const formerMode = restrictToOwner(join(dir, name));
    if (formerMode !== undefined) (options.onRestricted ?? sayRestricted)(join(dir, name), formerMode);
  }
  const secrets = new SecretBox(loadMasterKey(dir, options.environment ?? process.env));
  const store = options.database === undefined ? await openSqliteStore({ file: join(dir, 'tollgate.db') }) : await openSharedStore(options.database);
  const problem = await masterKeyProblem(store, secrets).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (problem !== undefined) {
    await store.close();
    throw new StartupError(problem);
  }
  return { dataDir: dir, store, secrets, clock: options.clock ?? systemClock, ids: options.ids ?? randomIds };
}

/** The application over a runtime. */
export function buildApp(runtime: Runtime, log: RequestLog, options: { eksDelaySeconds?: number | undefined; k8sPorts?: PortRange | undefined; kubernetes?: KubernetesForwarder; trailMaxEvents?: number | undefined } = {}): App {
  const metrics = new TollgateMetrics(runtime.store);
  return createApp({
    routes: [metrics.route()],
    store: runtime.store,
    clock: runtime.clock,
    ids: runtime.ids,
    secrets: runtime.secrets,
    catalog: managedPolicyCatalog(),
    services: {
      // IAM is global: whatever Region the client signed for, the call is made in us-east-1 (aws:RequestedRegion).
      iam: serviceDefinition('iam', iamModel, iamOperations, { globalRegion: 'us-east-1' }),
      sts: serviceDefinition('sts', stsModel, stsOperations),
      eks: serviceDefinition('eks', eksModel, eksOperations),
      cloudtrail: serviceDefinition('cloudtrail', cloudtrailModel, cloudtrailOperations),
    },
    log: metrics.counting(log),
    version: packageJson.version,
    ...(options.eksDelaySeconds === undefined ? {} : { eksDelaySeconds: options.eksDelaySeconds }),
    ...(options.k8sPorts === undefined ? {} : { kubernetesPorts: options.k8sPorts }),
    ...(options.kubernetes === undefined ? {} : { kubernetes: options.kubernetes }),
    trail: { enabled: options.trailMaxEvents !== 0, maxEvents: options.trailMaxEvents },
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

/** `openRuntime`, with a failure told as a StartupError naming the directory and what is wrong with it. */
export async function openDataDirectory(dataDir: string, options: { clock?: Clock | undefined; database?: string | undefined } = {}): Promise<Runtime> {
  try {
    return await openRuntime(dataDir, { ...(options.clock ? { clock: options.clock } : {}), database: options.database });
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw dataDirectoryProblem(resolve(dataDir), error);
  }
}

/**
 * Starts Tollgate: opens the data directory, creates the default account on first start (with
 * `rootKey` when given), listens, and serves every cluster's Kubernetes endpoint. Fails with a
 * StartupError when the directory or the address cannot be used, or `rootKey` is not the default
 * account's.
 */
export async function startTollgate(options: {
  host: string; port: number; dataDir: string; log?: RequestLog;
  /** A PostgreSQL URL shared by several processes (`--database`), instead of the data directory's SQLite file. */
  database?: string | undefined; clock?: Clock; eksDelaySeconds?: number | undefined; rootKey?: GivenRootKey | undefined;
  /** Ports of the clusters' Kubernetes endpoints (`--k8s-port-range`); 4600–4999 by default. */
  k8sPorts?: PortRange | undefined;
  /** The most audit trail events kept (`--trail-max-events`); 0 turns the trail off. */
  trailMaxEvents?: number | undefined;
}): Promise<Tollgate> {
  const runtime = await openDataDirectory(options.dataDir, { clock: options.clock, database: options.database });
  const log = options.log ?? pinoLog();
  const k8sPorts = options.k8sPorts ?? DEFAULT_KUBERNETES_PORTS;
  let rootCredentialsFile: string | undefined;
  let app: App;
  let server: RunningServer | undefined;
  let kubernetes: Kubernetes;
  try {
    rootCredentialsFile = await bootstrapDefaultAccount(runtime, options.rootKey);
    const upgraded = await upgradeClusterEndpoints(runtime.store, runtime.secrets, runtime.clock, k8sPorts);
    if (upgraded > 0) log.info('clusters given a Kubernetes endpoint', { clusters: upgraded });
    // The AWS app forwards the console's Kubernetes requests to the Kubernetes side, which verifies tokens through the AWS app.
    const late: { kubernetes?: Kubernetes } = {};
    const forwarder: KubernetesForwarder = { forward: (...args) => late.kubernetes!.forward(...args) };
    app = buildApp(runtime, log, { eksDelaySeconds: options.eksDelaySeconds, k8sPorts, kubernetes: forwarder, trailMaxEvents: options.trailMaxEvents });
    server = await listen(app, options.host, options.port).catch((error: unknown) => { throw listenProblem(options.host, options.port, error); });
    kubernetes = late.kubernetes = await startKubernetes({ app, runtime, log, host: options.host, awsPort: server.port });
  } catch (error) {
    await server?.close();
    await runtime.store.close();
    throw error;
  }
  const listening = server;
  return {
    server: listening,
    runtime,
    kubernetes,
    rootCredentialsFile,
    close: async () => {
      await kubernetes.close();
      await listening.close();
      await app.drain();
      await runtime.store.close();
    },
  };
}
