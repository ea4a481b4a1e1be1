// Every write the server acknowledged survives a SIGKILL in the middle of a burst of writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';

const bin = fileURLToPath(new URL('../../bin/tollgate.cjs', import.meta.url));

function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /listening on (http:\/\/\S+)\n/.exec(seen);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

test('acknowledged writes survive SIGKILL', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-crash-'));
  try {
    const first = await serve(dataDir);
    const file = readFileSync(join(dataDir, 'root-credentials'), 'utf8');
    const credentials = { accessKeyId: /aws_access_key_id = (\S+)/.exec(file)![1]!, secretAccessKey: /aws_secret_access_key = (\S+)/.exec(file)![1]! };
    const client = (url: string) => new IAMClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const iam = client(first.url);
    const acknowledged: string[] = [];
    let attempted = 0;
    let killed = false;
    // Eight writers create users as fast as they can; the server is killed once 150 writes are acknowledged.
    await Promise.all(Array.from({ length: 8 }, async (_, writer) => {
      for (let i = 0; !killed; i++) {
        const name = `crash-${writer}-${i}`;
        attempted++;
        try {
          await iam.send(new CreateUserCommand({ UserName: name }));
          acknowledged.push(name);
          if (acknowledged.length === 150 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          return; // the connection died with the server
        }
      }
    }));
    await new Promise((r) => (first.child.exitCode === null ? first.child.once('exit', r) : r(undefined)));
    assert.ok(acknowledged.length >= 150);

    const second = await serve(dataDir);
    try {
      const names = new Set<string>();
      let marker: string | undefined;
      do {
        const page = await client(second.url).send(new ListUsersCommand({ Marker: marker, MaxItems: 1000 }));
        for (const user of page.Users ?? []) names.add(user.UserName!);
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
      const lost = acknowledged.filter((n) => !names.has(n));
      assert.deepEqual(lost, [], `acknowledged but lost (of ${acknowledged.length} acknowledged, ${attempted} attempted)`);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
