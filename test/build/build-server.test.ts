// The `server` build step (scripts/build-server.mjs): the bundle it writes serves as the sources do and
// finds the package's files (data/, package.json) from where it lies; a use of import.meta it cannot
// keep fails the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetPolicyCommand, CreateServiceLinkedRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { BUNDLE_FILE, buildServer, repointPackageFiles } from '../../scripts/build-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** `node` running the built command in `outdir` with `args`, as bin/tollgate.cjs runs it. */
const runBuilt = (outdir: string, args: readonly string[]) => [
  '-e',
  `require(${JSON.stringify(join(root, 'bin', 'bundle-loader.cjs'))}).runBundle(process.argv[1], process.argv.slice(2)).then((code) => { process.exitCode = code; });`,
  join(outdir, BUNDLE_FILE), ...args,
];

test('the built command serves, finds the data files and package.json from its own directory', async () => {
  // Beside a link to node_modules, where the bundle finds the packages it leaves out, as in dist/.
  const scratch = mkdtempSync(join(tmpdir(), 'tollgate-build-'));
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  const outdir = join(scratch, 'server');
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-build-data-'));
  try {
    assert.match(await buildServer({ outdir }), /from \d+ source files/);
    const inputs = JSON.parse(readFileSync(join(outdir, 'inputs.json'), 'utf8')) as Record<string, [number, number]>;
    assert.ok(inputs['src/cli/main.ts'] && inputs['src/main.ts'], 'the record of what was built names the sources');

    // The CLI's own --version (bin/tollgate.cjs answers the bare flag itself) reads package.json.
    const versionRun = spawnSync(process.execPath, runBuilt(outdir, ['--version']), { encoding: 'utf8' });
    assert.equal(versionRun.status, 0, versionRun.stderr);
    assert.equal(versionRun.stdout, `${version}\n`);

    const child = spawn(process.execPath, runBuilt(outdir, ['serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn']), { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let said = '';
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          said += chunk.toString();
          const m = /^listening on (http:\/\/\S+)$/m.exec(said);
          if (m) resolve(m[1]!);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`the built serve exited with ${code}: ${said}`)));
      });
      const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
      const credentials = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
      const common = { endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 };

      const identity = await new STSClient(common).send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Arn, 'arn:aws:iam::111122223333:root');
      const iam = new IAMClient(common);
      // data/aws-managed-policies.json, read by src/main.ts at the first look-up.
      const policy = await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
      assert.equal(policy.Policy?.PolicyName, 'ReadOnlyAccess');
      // data/service-linked-roles.json, read by src/services/iam/service-linked-role-catalog.ts.
      const role = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com' }));
      assert.equal(role.Role?.RoleName, 'AWSServiceRoleForECS');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a package-file URL is re-pointed from the output directory; a require of packages is kept', () => {
  const file = join(root, 'src', 'services', 'iam', 'some-catalog.ts');
  const text = "const a = readFileSync(new URL('../../../data/service-linked-roles.json', import.meta.url));\n" +
    'const b = new URL("../../../package.json", import.meta.url);\n';
  assert.equal(repointPackageFiles(text, file, join(root, 'dist', 'server')),
    'const a = readFileSync(new URL("../../data/service-linked-roles.json", import.meta.url));\n' +
    'const b = new URL("../../package.json", import.meta.url);\n');
  assert.equal(repointPackageFiles('const x = 1;\n', file, join(root, 'dist', 'server')), 'const x = 1;\n');
  // A require of packages finds them from dist/ as from src/: kept as it is.
  const require = 'const requireFromHere = createRequire(import.meta.url);\n';
  assert.equal(repointPackageFiles(require, file, join(root, 'dist', 'server')), require);
});

test('a use of import.meta a bundle cannot keep, or a package file that is not there, fails the build', () => {
  const file = join(root, 'src', 'cli', 'x.ts');
  const outdir = join(root, 'dist', 'server');
  for (const text of ['const here = import.meta.dirname;', 'const u = new URL(name, import.meta.url);', 'const u = new URL(`../${name}`, import.meta.url);']) {
    const result = repointPackageFiles(text, file, outdir);
    assert.ok(typeof result !== 'string' && /import\.meta is used other than/.test(result.error), `${text}: ${JSON.stringify(result)}`);
  }
  const missing = repointPackageFiles("new URL('../../data/no-such-file.json', import.meta.url)", file, outdir);
  assert.ok(typeof missing !== 'string' && /no-such-file\.json does not exist/.test(missing.error), JSON.stringify(missing));
});
