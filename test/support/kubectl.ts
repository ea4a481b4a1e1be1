/**
 * Runs the real kubectl against a test server's cluster endpoints, with kubeconfigs written by the
 * real `aws eks update-kubeconfig`. Kubeconfigs made by `forCaller` share kubectl's discovery cache,
 * as the kubeconfigs of one laptop share `~/.kube/cache`. A kubeconfig keeps the `aws eks get-token`
 * exec plugin it was written with (`token: 'exec'`), or (`token: 'minted'`) runs a plugin that prints
 * a token minted once, because the AWS CLI takes seconds to start and kubectl asks for a token on every
 * run. Minted tokens are presigned as `aws eks get-token` presigns them (GET GetCallerIdentity,
 * `x-k8s-aws-id` signed, X-Amz-Expires 60) by Tollgate's SigV4 signer, which reproduces botocore's
 * output; tests that need the CLI's own token run it.
 *
 * kubectl is an outside client: when it is absent the tests that need it are skipped with a loud
 * message, unless TOLLGATE_REQUIRE_INTEROP=1 (CI), where they fail.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { signRequest } from '../../src/sigv4/index.ts';
import { runAwsCli, type CliResult } from './aws-cli.ts';
import type { Credentials } from './tollgate-fixture.ts';

let available: boolean | undefined;

/**
 * undefined when kubectl runs here; otherwise the reason to skip, after a loud warning. Throws under
 * TOLLGATE_REQUIRE_INTEROP=1.
 */
export function kubectlSkipReason(): string | undefined {
  available ??= spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' }).status === 0;
  if (available) return undefined;
  if (process.env['TOLLGATE_REQUIRE_INTEROP'] === '1') throw new Error('kubectl is required (TOLLGATE_REQUIRE_INTEROP=1) but does not run here');
  const reason = 'kubectl is not installed: the Kubernetes endpoint tests with the real kubectl are SKIPPED';
  console.warn(`\n!!! ${reason} !!!\n`);
  return reason;
}

/** How a kubeconfig gets its token. */
export type TokenMode = 'exec' | 'minted';

/** A kubeconfig for one principal and one cluster, and kubectl runs with it. */
export class Kubectl {
  private constructor(
    readonly dir: string,
    private readonly url: string,
    private readonly tokenCredentials: Credentials,
    private readonly region: string,
    private readonly cluster: string,
    private readonly mode: TokenMode,
    private readonly cacheDir: string,
  ) {}

  /**
   * Writes a kubeconfig with `aws eks update-kubeconfig` run as `describer`, whose user gets tokens
   * of `caller` (the same principal unless a cross-account caller uses a cluster it cannot describe).
   */
  static async create(url: string, options: { describer: Credentials; caller?: Credentials; region: string; cluster: string; token?: TokenMode; cacheDir?: string }): Promise<Kubectl> {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-kubectl-'));
    const written = await runAwsCli(url, options.describer, options.region, 'eks', 'update-kubeconfig', '--name', options.cluster, '--region', options.region, '--kubeconfig', join(dir, 'config'));
    if (written.status !== 0) throw new Error(`update-kubeconfig failed: ${written.stderr}`);
    const kubectl = new Kubectl(dir, url, options.caller ?? options.describer, options.region, options.cluster, options.token ?? 'minted', options.cacheDir ?? join(dir, 'cache'));
    if (kubectl.mode === 'minted') await kubectl.mintToken();
    return kubectl;
  }

  /**
   * The same cluster for another caller: this kubeconfig copied (as `update-kubeconfig` would write
   * it for anyone), with a token minted as `caller`.
   */
  async forCaller(caller: Credentials): Promise<Kubectl> {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-kubectl-'));
    copyFileSync(join(this.dir, 'config'), join(dir, 'config'));
    const kubectl = new Kubectl(dir, this.url, caller, this.region, this.cluster, 'minted', this.cacheDir);
    await kubectl.mintToken();
    return kubectl;
  }

  /** The kubeconfig as written. */
  config(): { clusters: { cluster: Record<string, string>; name: string }[]; users: { user: { exec: Record<string, unknown> } }[] } {
    return parse(readFileSync(join(this.dir, 'config'), 'utf8')) as ReturnType<Kubectl['config']>;
  }

  /** Mints a token as the caller and points the kubeconfig's exec plugin at it. */
  async mintToken(): Promise<string> {
    const { request } = signRequest({
      method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { host: new URL(this.url).host, 'x-k8s-aws-id': this.cluster },
      credentials: this.tokenCredentials, region: this.region, service: 'sts', time: Date.now(), presign: { expiresIn: 60 },
    });
    const token = `k8s-aws-v1.${Buffer.from(`${this.url}/?${request.query}`).toString('base64url')}`;
    this.useToken(token);
    const config = this.config();
    const exec = config.users[0]!.user.exec;
    config.users[0]!.user.exec = { apiVersion: exec['apiVersion'], command: 'cat', args: [join(this.dir, 'token.json')], interactiveMode: 'Never' };
    writeFileSync(join(this.dir, 'config'), stringify(config));
    return token;
  }

  /** Replaces the token the plugin prints. */
  useToken(token: string): void {
    writeFileSync(join(this.dir, 'token.json'), JSON.stringify({ kind: 'ExecCredential', apiVersion: 'client.authentication.k8s.io/v1beta1', spec: {}, status: { token } }));
  }

  /** Runs `kubectl ARGS` (stdin and environment overrides optional). */
  run(args: readonly string[], stdin?: string, overrides: Readonly<Record<string, string>> = {}): Promise<CliResult> {
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '', HOME: this.dir, KUBECONFIG: join(this.dir, 'config'), KUBECACHEDIR: this.cacheDir,
      AWS_ACCESS_KEY_ID: this.tokenCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: this.tokenCredentials.secretAccessKey,
      ...(this.tokenCredentials.sessionToken ? { AWS_SESSION_TOKEN: this.tokenCredentials.sessionToken } : {}),
      AWS_ENDPOINT_URL: this.url, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_MAX_ATTEMPTS: '1',
      ...overrides,
    };
    return new Promise((resolve) => {
      const child = execFile('kubectl', [...args], { encoding: 'utf8', env, timeout: 60_000 }, (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ status, stdout, stderr: stderr.trim() });
      });
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  }

  /** Removes the kubeconfig's directory. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
