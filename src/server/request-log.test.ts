import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pinoLog, type RequestLogEntry } from './request-log.ts';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function entry(i: number, operation = 'GetUser'): RequestLogEntry {
  return { requestId: `id-${i}`, service: 'iam', operation, principal: 'arn:aws:iam::111122223333:user/bench', decision: 'Allow', action: 'iam:GetUser', decidedBy: undefined, errorCode: undefined, status: 200, latencyMs: 0.5 };
}

/** Logs through `pinoLog` into a file and answers the parsed lines. */
function logged(write: (log: ReturnType<typeof pinoLog>) => void): Record<string, unknown>[] {
  const file = join(dir, `${Math.random()}.log`);
  const fd = openSync(file, 'w');
  const log = pinoLog({ destination: fd });
  write(log);
  log.flush();
  closeSync(fd);
  return readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('request log batches', () => {
  it('writes every line, in order, across many batches', () => {
    const lines = logged((log) => { for (let i = 0; i < 5000; i++) log.request(entry(i)); });
    assert.equal(lines.length, 5000);
    lines.forEach((line, i) => assert.equal(line['requestId'], `id-${i}`));
  });

  it('keeps multi-byte text whole, and a line larger than a batch', () => {
    const huge = 'é€😀'.repeat(60_000);
    const lines = logged((log) => {
      log.request(entry(0, 'Größe'));
      log.info('big', { huge });
      log.request(entry(1, '名前'));
    });
    assert.deepEqual(lines.map((line) => line['operation'] ?? line['msg']), ['Größe', 'big', '名前']);
    assert.equal(lines[1]!['huge'], huge);
  });

  it('holds nothing back once flushed', () => {
    const lines = logged((log) => log.request(entry(7)));
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!['requestId'], 'id-7');
  });
});
