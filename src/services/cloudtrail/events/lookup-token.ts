/**
 * LookupEvents' NextToken: where the page ended and a digest of the parameters it was made for. A token
 * that does not parse, or is used with other parameters, is InvalidNextTokenException, as CloudTrail
 * says: "This token must be passed in with the same parameters that were specified in the original call"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
 */
import { createHash } from 'node:crypto';
import { AwsError } from '../../../kernel/aws-error.ts';
import type { TrailCursor } from '../../../store/trail-records.ts';

/** The API reference's words for the exception (its message is not documented). */
const INVALID = 'A token that is not valid, or a token that was previously used in a request with different parameters. This exception is thrown if the token is not valid.';

/** The parameters a token is bound to. */
export function parametersDigest(parts: readonly (string | number | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** The token of the page after `cursor`. */
export function nextToken(cursor: TrailCursor, digest: string): string {
  return Buffer.from(JSON.stringify([cursor.time, cursor.seq, digest])).toString('base64url');
}

/** The cursor `token` stands for, checked against `digest`. */
export function cursorOf(token: string, digest: string): TrailCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new AwsError('InvalidNextTokenException', 400, INVALID);
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !Number.isSafeInteger(parsed[0]) || !Number.isSafeInteger(parsed[1]) || parsed[2] !== digest) {
    throw new AwsError('InvalidNextTokenException', 400, INVALID);
  }
  return { time: parsed[0] as number, seq: parsed[1] as number };
}
