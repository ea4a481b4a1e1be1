import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadMasterKey } from './master-key.ts';

test('master key: created 0600, and narrowed to its owner when found readable by others', () => {
  const umask = process.umask(0);
  try {
    const keyDir = mkdtempSync(join(tmpdir(), 'tollgate-key-'));
    const key = loadMasterKey(keyDir, {});
    assert.equal((statSync(join(keyDir, 'master.key')).mode & 0o777).toString(8), '600');
    chmodSync(join(keyDir, 'master.key'), 0o644);
    assert.deepEqual(loadMasterKey(keyDir, {}), key);
    assert.equal((statSync(join(keyDir, 'master.key')).mode & 0o777).toString(8), '600');
    rmSync(keyDir, { recursive: true, force: true });
  } finally {
    process.umask(umask);
  }
});
