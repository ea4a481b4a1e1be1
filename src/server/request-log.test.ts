import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { pinoLog, type RequestLogEntry } from './request-log.ts';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function entry(i: number, operation = 'GetUser'): RequestLogEntry {
  return { requestId: `id-${i}`, service: 'iam', operation, principal: 'arn:aws:iam::111122223333:user/bench', decision: 'Allowed', action: 'iam:GetUser', checks: undefined, decidedBy: undefined, reason: undefined, errorCode: undefined, status: 200, latencyMs: 0.5 };
}

/** Logs through `pinoLog` into a file and answers the parsed lines. */
function logged(write: (log: ReturnType<typeof pinoLog>) => void, level?: string): Record<string, unknown>[] {
  const file = join(dir, `${Math.random()}.log`);
  const fd = openSync(file, 'w');
  const log = pinoLog({ destination: fd, ...(level === undefined ? {} : { level }) });
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

  it('writes a line 100 ms after it was logged at the latest, with no flush and no more lines', () => {
    const file = join(dir, 'timed.log');
    const fd = openSync(file, 'w');
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const log = pinoLog({ destination: fd });
      log.request(entry(1));
      mock.timers.tick(60);
      log.request(entry(2)); // joins the batch of the first: its deadline stands
      assert.equal(readFileSync(file, 'utf8'), '', 'batched for a moment');
      mock.timers.tick(39);
      assert.equal(readFileSync(file, 'utf8'), '');
      mock.timers.tick(1);
      assert.deepEqual(readFileSync(file, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { requestId: string }).requestId), ['id-1', 'id-2']);
    } finally {
      mock.timers.reset();
      closeSync(fd);
    }
  });

  it('writes pretty lines through the same batches', () => {
    const file = join(dir, 'pretty.log');
    const fd = openSync(file, 'w');
    const log = pinoLog({ destination: fd, format: 'pretty' });
    log.request(entry(3));
    log.info('listening', { url: 'http://127.0.0.1:4566' });
    log.flush();
    closeSync(fd);
    const [request, info] = readFileSync(file, 'utf8').trim().split('\n');
    assert.match(request!, /^\d{2}:\d{2}:\d{2}\.\d{3} arn:aws:iam::111122223333:user\/bench iam:GetUser allowed 200 0\.5ms {2}id-3$/);
    assert.match(info!, /^\d{2}:\d{2}:\d{2}\.\d{3} INFO listening url=http:\/\/127\.0\.0\.1:4566$/);
  });

  it('holds nothing back once flushed', () => {
    const lines = logged((log) => log.request(entry(7)));
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!['requestId'], 'id-7');
  });
});

// pino itself is loaded only for the first failure or message: what it writes, and the level's say.
describe('request log levels and failures', () => {
  const all = (log: ReturnType<typeof pinoLog>) => {
    log.request(entry(1));
    log.info('note', { n: 1 });
    log.failure('id-2', new TypeError('boom'));
  };

  it('writes an unexpected failure as a pino error line, by name and stack only', () => {
    const [failure] = logged((log) => log.failure('id-9', new TypeError('boom')));
    assert.equal(failure!['level'], 50);
    assert.equal(failure!['msg'], 'internal failure');
    assert.equal(failure!['requestId'], 'id-9');
    const error = failure!['error'] as { name: string; stack: string };
    assert.equal(error.name, 'TypeError');
    assert.match(error.stack, /^TypeError: boom\n/);
    assert.match(String(failure!['time']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('logs requests, messages and failures at info; at warn, only failures; at silent, nothing', () => {
    assert.deepEqual(logged(all, 'info').map((line) => line['requestId'] ?? line['msg']), ['id-1', 'note', 'id-2']);
    assert.deepEqual(logged(all, 'warn').map((line) => line['msg']), ['internal failure']);
    assert.deepEqual(logged(all, 'silent'), []);
    assert.equal(logged(all, 'debug').length, 3);
  });

  it('refuses a level pino does not know', () => {
    for (const level of ['verbose', 'toString', '']) assert.throws(() => pinoLog({ destination: 2, level }), /level/, level);
  });
});
