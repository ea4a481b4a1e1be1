/**
 * `tollgate serve`: serves the AWS APIs. The banner (standard error) names the data directory and the
 * root credentials file (never the secret); `listening on http://HOST:PORT` follows on standard output,
 * on a line of its own, then the request log. SIGTERM or SIGINT shuts down cleanly: no new
 * connections, idle ones closed at once, requests in flight answered (for up to 10 s), the log
 * flushed, the database closed, exit 0. A second signal stops at once.
 */
import { startTollgate } from '../main.ts';
import { pinoLog, type LogFormat } from '../server/request-log.ts';
import type { PortRange } from '../kernel/port-range.ts';
import { DEFAULT_KUBERNETES_PORTS } from '../services/eks/clusters/kubernetes-endpoint.ts';
import type { CommandIo } from './command-io.ts';
import { rootKeyFromEnvironment } from './root-key.ts';

/** The settings of `serve`, from flags or the environment (see main.ts). */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** A PostgreSQL URL shared with other processes; the data directory's SQLite file when undefined. */
  readonly database?: string | undefined;
  readonly eksDelaySeconds: number;
  /** Ports of the clusters' Kubernetes endpoints; 4600–4999 when undefined. */
  readonly k8sPorts: PortRange | undefined;
  readonly logFormat: LogFormat | undefined;
  readonly logLevel: string;
  /** The most audit trail events kept; 0 turns the trail off. */
  readonly trailMaxEvents?: number | undefined;
}

/** Runs the server until a signal stops it; resolves with the exit code. */
export async function serveCommand(options: ServeOptions, io: CommandIo): Promise<number> {
  const environment = io.environment ?? process.env;
  const rootKey = rootKeyFromEnvironment(environment);
  const terminal = process.stdout.isTTY === true;
  const format = options.logFormat ?? (terminal ? 'pretty' : 'json');
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  const log = pinoLog({ level: options.logLevel, format, colour: format === 'pretty' && terminal && !environment['NO_COLOR'] });
  process.once('exit', () => log.flush()); // an unexpected exit still writes the lines waiting in memory
  // Listened for before the banner: whoever reads `listening on` may signal at once.
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  const tollgate = await startTollgate({ host: options.host, port: options.port, dataDir: options.dataDir, database: options.database, log, eksDelaySeconds: options.eksDelaySeconds, rootKey, k8sPorts: options.k8sPorts, trailMaxEvents: options.trailMaxEvents });
  io.stderr(`Tollgate: AWS IAM, STS and EKS on one endpoint\n`);
  io.stderr(`data directory: ${tollgate.runtime.dataDir}\n`);
  if (options.database !== undefined) io.stderr(`database: ${tollgate.runtime.store.description}\n`);
  if (tollgate.rootCredentialsFile) {
    const given = rootKey ? ` (the key of TOLLGATE_ROOT_ACCESS_KEY_ID)` : '';
    io.stderr(`root credentials of account 111122223333${given} written to ${tollgate.rootCredentialsFile}\n`);
  }
  io.stderr(`use: AWS_ENDPOINT_URL=${tollgate.server.url} AWS_SHARED_CREDENTIALS_FILE=${tollgate.runtime.dataDir}/root-credentials aws sts get-caller-identity\n`);
  io.stderr(`console: ${tollgate.server.url}/console\n`);
  const range = options.k8sPorts ?? DEFAULT_KUBERNETES_PORTS;
  io.stderr(`EKS clusters' Kubernetes APIs: https://127.0.0.1 on ports ${range.first}-${range.last} (one per cluster; see DescribeCluster's endpoint)\n`);
  io.stdout(`listening on ${tollgate.server.url}\n`);
  const received = await signal;
  io.stderr(`Tollgate: ${received}: stopping (again to stop at once)\n`);
  const now = (again: NodeJS.Signals) => {
    io.stderr(`Tollgate: ${again}: stopping at once\n`);
    log.flush();
    process.exit(1);
  };
  process.once('SIGTERM', now);
  process.once('SIGINT', now);
  await tollgate.close();
  log.flush();
  return 0;
}
