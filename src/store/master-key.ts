/**
 * The master key that seals secrets at rest: `TOLLGATE_MASTER_KEY` (32 bytes, base64 or hex) when set,
 * else `<data dir>/master.key`, created with mode 0600 on first use and narrowed to its owner when
 * found readable by others (`private-files.ts`).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, restrictToOwner } from './private-files.ts';

/** Reads or creates the master key. */
export function loadMasterKey(dataDir: string, environment: Readonly<Record<string, string | undefined>>): Buffer {
  const fromEnv = environment['TOLLGATE_MASTER_KEY'];
  if (fromEnv) {
    const key = /^[0-9a-fA-F]{64}$/.test(fromEnv) ? Buffer.from(fromEnv, 'hex') : Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('TOLLGATE_MASTER_KEY must be 32 bytes, in hex or base64');
    return key;
  }
  const file = join(dataDir, 'master.key');
  try {
    const fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
    const key = randomBytes(32);
    writeSync(fd, key.toString('base64'));
    closeSync(fd);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  restrictToOwner(file);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
