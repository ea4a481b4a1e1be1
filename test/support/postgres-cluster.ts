/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temporary directory, started with `pg_ctl`
 * on a free port (as the unprivileged `postgres` user when the tests run as root, since PostgreSQL
 * refuses to run as root), stopped and removed by `destroy()`. One cluster serves a whole test file;
 * tests isolate themselves by database schema (`freshSchema`) or, for server processes, by database
 * (`freshDatabase`).
 *
 * PostgreSQL is an outside program: when its binaries are absent the tests that need it are skipped
 * with a loud message, unless TOLLGATE_REQUIRE_INTEROP=1 (CI), where they fail.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';

/** A running test cluster. */
export interface PostgresCluster {
  /** `postgres://tollgate@127.0.0.1:PORT/tollgate` (trust authentication: no password). */
  readonly url: string;
  readonly port: number;
  /** A new, unused schema name, for a store of its own. */
  freshSchema(): string;
  /** Creates a new, empty database named `<prefix>_<n>`; answers its URL (the cluster's URL naming it). */
  freshDatabase(prefix: string): Promise<string>;
  /** Stops the server (`fast`: open connections are ended), keeping its data. */
  stop(): void;
  /** Starts it again on the same port. */
  start(): void;
  /** Stops it and removes every file. */
  destroy(): void;
}

/** The directory of PostgreSQL's server programs, or undefined. */
function binDirectory(): string | undefined {
  const fromEnv = process.env['TOLLGATE_PG_BIN'];
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/**
 * undefined when PostgreSQL's binaries are here; otherwise the reason to skip, after a loud warning.
 * Throws under TOLLGATE_REQUIRE_INTEROP=1.
 */
export function postgresSkipReason(): string | undefined {
  if (binDirectory() !== undefined) return undefined;
  if (process.env['TOLLGATE_REQUIRE_INTEROP'] === '1') throw new Error('PostgreSQL is required (TOLLGATE_REQUIRE_INTEROP=1) but initdb was not found under /usr/lib/postgresql');
  const reason = 'PostgreSQL (initdb, pg_ctl) is not installed: the PostgreSQL store tests are SKIPPED';
  console.warn(`\n!!! ${reason} !!!\n`);
  return reason;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** How to run PostgreSQL's programs: as `postgres` when we are root. */
function runner(): { run: (program: string, args: readonly string[]) => void; owner: { uid: number; gid: number } | undefined } {
  if (process.getuid?.() !== 0) {
    return { run: (program, args) => { execFileSync(program, args, { stdio: 'pipe' }); }, owner: undefined };
  }
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error('tests run as root, and PostgreSQL needs an unprivileged user to run as: create the `postgres` user (installing the Debian `postgresql` package does)');
  const uid = Number(id.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { run: (program, args) => { execFileSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', program, ...args], { stdio: 'pipe' }); }, owner: { uid, gid } };
}

/** Creates and starts a cluster; call `destroy()` when done (e.g. in `after`). */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDirectory();
  if (bin === undefined) throw new Error('PostgreSQL binaries not found (check postgresSkipReason first)');
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-pg-'));
  const { run, owner } = runner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const pgCtl = join(bin, 'pg_ctl');
  // fsync off: a test cluster need not survive a power cut (a Tollgate process killed still loses nothing:
  // commits are in PostgreSQL's memory and log either way); autovacuum off: no background transactions.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c autovacuum=off -c max_connections=200`;
  const start = () => run(pgCtl, ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '30', 'start']);
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'tollgate', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    start();
    run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'tollgate', 'tollgate']);
  } catch (error) {
    spawnSync(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let schemas = 0;
  let databases = 0;
  let running = true;
  const url = `postgres://tollgate@127.0.0.1:${port}/tollgate`;
  return {
    url,
    port,
    freshSchema: () => `test_${process.pid}_${++schemas}`,
    freshDatabase: async (prefix) => {
      const name = `${prefix}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return url.replace(/\/tollgate$/, `/${name}`);
    },
    stop: () => {
      run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    start: () => {
      start();
      running = true;
    },
    destroy: () => {
      if (running) {
        try {
          run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // Already stopped; the files go anyway.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
