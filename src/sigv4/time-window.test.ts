import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../kernel/clock.ts';
import { signRequest } from './sign-request.ts';
import { SigV4Error } from './sigv4-error.ts';
import type { SigV4Request } from './sigv4-request.ts';
import { lookupVectorCredentials, SIGV4_VECTORS, VECTOR_KEY, VECTOR_TIME, vectorRequest } from './sigv4-vectors.ts';
import { checkTimeWindow, type PresignedExpiry } from './time-window.ts';
import { verifySignature } from './verify-signature.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function verifyAt(request: SigV4Request, offsetMs: number, presignedExpiry?: PresignedExpiry) {
  return verifySignature(request, { lookupCredentials: lookupVectorCredentials, clock: new ManualClock(VECTOR_TIME + offsetMs), presignedExpiry });
}

async function rejectsWithMessage(promise: Promise<unknown>, message: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SigV4Error);
    assert.deepEqual([error.failure, error.httpStatus, error.message], ['SignatureDoesNotMatch', 403, message]);
    return true;
  });
}

const headerSigned = () => vectorRequest(SIGV4_VECTORS[0] ?? assert.fail());
const getToken = () => vectorRequest(SIGV4_VECTORS.find((v) => v.presignedQuery !== undefined) ?? assert.fail());

describe('clock skew window: ±15 minutes, bounds inclusive, whole seconds', () => {
  it('accepts a request exactly 15 minutes old, and 15 minutes 0.999 s old', async () => {
    await verifyAt(headerSigned(), 15 * MINUTE);
    await verifyAt(headerSigned(), 15 * MINUTE + 999);
  });

  it('rejects a request 15 minutes 1 second old', async () => {
    await rejectsWithMessage(verifyAt(headerSigned(), 15 * MINUTE + SECOND),
      'Signature expired: 20240115T120000Z is now earlier than 20240115T120001Z (20240115T121501Z - 15 min.)');
  });

  it('accepts a request exactly 15 minutes ahead of the server clock', async () => {
    await verifyAt(headerSigned(), -15 * MINUTE);
  });

  it('rejects a request 15 minutes 1 second ahead', async () => {
    await rejectsWithMessage(verifyAt(headerSigned(), -15 * MINUTE - SECOND),
      'Signature not yet current: 20240115T120000Z is still later than 20240115T115959Z (20240115T114459Z + 15 min.)');
  });

  it('reports the last accepted millisecond', async () => {
    const result = await verifyAt(headerSigned(), 0);
    assert.equal(result.validUntil, VECTOR_TIME + 15 * MINUTE + 999);
  });
});

describe('presigned URLs', () => {
  it('STS default: accepts the get-token URL (X-Amz-Expires=60) for 15 minutes after X-Amz-Date', async () => {
    await verifyAt(getToken(), 61 * SECOND);
    await verifyAt(getToken(), 14 * MINUTE);
    const last = await verifyAt(getToken(), 15 * MINUTE);
    assert.equal(last.validUntil, VECTOR_TIME + 15 * MINUTE + 999);
    await rejectsWithMessage(verifyAt(getToken(), 15 * MINUTE + SECOND),
      'Signature expired: 20240115T120000Z is now earlier than 20240115T120001Z (20240115T121501Z - 15 min.)');
  });

  it('x-amz-expires policy: accepts until X-Amz-Date + X-Amz-Expires, then rejects', async () => {
    await verifyAt(getToken(), 60 * SECOND, 'x-amz-expires');
    await rejectsWithMessage(verifyAt(getToken(), 61 * SECOND, 'x-amz-expires'),
      'Signature expired: 20240115T120000Z is now earlier than 20240115T120001Z (20240115T120101Z - 1 min.)');
  });

  it('non-STS scopes honour X-Amz-Expires by default, beyond 15 minutes too', async () => {
    const request = signRequest({
      method: 'GET', path: '/clusters', headers: { host: 'eks.us-west-2.amazonaws.com' }, credentials: VECTOR_KEY,
      region: 'us-west-2', service: 'eks', time: VECTOR_TIME, presign: { expiresIn: 3600 },
    }).request;
    await verifyAt(request, 60 * MINUTE);
    await rejectsWithMessage(verifyAt(request, 60 * MINUTE + SECOND),
      'Signature expired: 20240115T120000Z is now earlier than 20240115T120001Z (20240115T130001Z - 60 min.)');
    await rejectsWithMessage(verifyAt(request, 60 * MINUTE + SECOND, 'fifteen-minutes'),
      'Signature expired: 20240115T120000Z is now earlier than 20240115T124501Z (20240115T130001Z - 15 min.)');
  });

  it('rejects a presigned URL dated more than 15 minutes ahead', async () => {
    await rejectsWithMessage(verifyAt(getToken(), -16 * MINUTE),
      'Signature not yet current: 20240115T120000Z is still later than 20240115T115900Z (20240115T114400Z + 15 min.)');
  });

  it('formats odd lifetimes in seconds', () => {
    assert.throws(() => checkTimeWindow({ requestTime: VECTOR_TIME, expiresSeconds: 90 }, VECTOR_TIME + 91 * SECOND, 'x-amz-expires'), {
      message: 'Signature expired: 20240115T120000Z is now earlier than 20240115T120001Z (20240115T120131Z - 90 sec.)',
    });
  });
});
