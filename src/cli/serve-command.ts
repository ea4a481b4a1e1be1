/**
 * `tollgate serve [--host H] [--port P] [--data-dir D]`: serves the AWS APIs. The banner names the root
 * credentials file (never the secret) and ends with `listening on http://HOST:PORT` on a line of its
 * own. SIGTERM and SIGINT shut down cleanly: in-flight requests finish, the database closes.
 */
import { parseArgs } from 'node:util';
import { startTollgate } from '../main.ts';
import { DEFAULT_KUBERNETES_PORTS, parsePortRange } from '../services/eks/kubernetes-endpoint.ts';
import type { CommandIo } from './policy-test-command.ts';

const USAGE = 'usage: tollgate serve [--host 127.0.0.1] [--port 4566] [--data-dir ./.tollgate] [--log-level info] [--eks-delay-seconds 1] [--k8s-port-range 4600-4999]';

/** Runs the server until a signal stops it; resolves with the exit code. */
export async function serveCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4566' },
        'data-dir': { type: 'string', default: './.tollgate' },
        'log-level': { type: 'string', default: 'info' },
        'eks-delay-seconds': { type: 'string' },
        'k8s-port-range': { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr(`tollgate serve: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    io.stderr(`tollgate serve: --port must be 0–65535\n${USAGE}\n`);
    return 2;
  }
  const eksDelaySeconds = values['eks-delay-seconds'] === undefined ? undefined : Number(values['eks-delay-seconds']);
  if (eksDelaySeconds !== undefined && !(Number.isFinite(eksDelaySeconds) && eksDelaySeconds >= 0)) {
    io.stderr(`tollgate serve: --eks-delay-seconds must be a number ≥ 0\n${USAGE}\n`);
    return 2;
  }
  // The clusters' Kubernetes endpoints: the flag, else TOLLGATE_K8S_PORTS, else 4600-4999.
  const portsText = values['k8s-port-range'] ?? process.env['TOLLGATE_K8S_PORTS'];
  const k8sPorts = portsText === undefined ? undefined : parsePortRange(portsText);
  if (portsText !== undefined && k8sPorts === undefined) {
    io.stderr(`tollgate serve: --k8s-port-range (or TOLLGATE_K8S_PORTS) must be FIRST-LAST, ports 1–65535\n${USAGE}\n`);
    return 2;
  }
  const { pinoLog } = await import('../server/request-log.ts');
  const log = pinoLog({ level: values['log-level'] });
  process.once('exit', () => log.flush()); // an unexpected exit still writes the lines waiting in memory
  const tollgate = await startTollgate({ host: values.host, port, dataDir: values['data-dir'], log, eksDelaySeconds, k8sPorts });
  io.stderr(`Tollgate: AWS IAM, STS and EKS on one endpoint\n`);
  io.stderr(`data directory: ${tollgate.runtime.dataDir}\n`);
  if (tollgate.rootCredentialsFile) io.stderr(`root credentials of account 111122223333 written to ${tollgate.rootCredentialsFile}\n`);
  io.stderr(`use: AWS_ENDPOINT_URL=${tollgate.server.url} AWS_SHARED_CREDENTIALS_FILE=${tollgate.runtime.dataDir}/root-credentials aws sts get-caller-identity\n`);
  const range = k8sPorts ?? DEFAULT_KUBERNETES_PORTS;
  io.stderr(`EKS clusters' Kubernetes APIs: https://127.0.0.1 on ports ${range.first}-${range.last} (one per cluster; see DescribeCluster's endpoint)\n`);
  io.stdout(`listening on ${tollgate.server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await tollgate.close();
  log.flush();
  return 0;
}
