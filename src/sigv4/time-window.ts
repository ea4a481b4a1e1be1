// When a signature is current: within 15 minutes of the server clock either way; presigned URLs until their expiry
// (docs/aws-behaviour/sigv4.md; docs/aws-behaviour/eks-kubernetes-authentication.md for STS's fixed 15-minute window).
import { formatAmzDate } from './amz-date.ts';
import { sigv4Error } from './sigv4-error.ts';

/** The allowed clock skew, and STS's fixed presigned lifetime: 15 minutes. */
export const SKEW_SECONDS = 900;

/**
 * How long a presigned URL stays valid: `x-amz-expires` honours X-Amz-Expires (standard SigV4);
 * `fifteen-minutes` ignores it and accepts the URL for 15 minutes after X-Amz-Date, as STS does for presigned
 * GetCallerIdentity (the `aws eks get-token` tokens say 60 s but are used for 14 minutes).
 */
export type PresignedExpiry = 'x-amz-expires' | 'fifteen-minutes';

/** The request-time facts the window is checked on. */
export interface SignatureTiming {
  /** X-Amz-Date in milliseconds since the epoch (whole seconds). */
  readonly requestTime: number;
  /** Presigned only: X-Amz-Expires in seconds. */
  readonly expiresSeconds: number | undefined;
}

/**
 * Throws SignatureDoesNotMatch when the signature is expired or not yet current at `now` (ms). Comparison is in
 * whole seconds and the bounds are inclusive: a request exactly 15 minutes old (or ahead) is still accepted.
 * Returns the last millisecond at which the signature is accepted.
 */
export function checkTimeWindow(timing: SignatureTiming, now: number, presignedExpiry: PresignedExpiry): number {
  const nowSeconds = Math.floor(now / 1000);
  const requestSeconds = Math.floor(timing.requestTime / 1000);
  const lifetime =
    timing.expiresSeconds !== undefined && presignedExpiry === 'x-amz-expires' ? timing.expiresSeconds : SKEW_SECONDS;
  if (requestSeconds < nowSeconds - lifetime) {
    throw sigv4Error(
      'SignatureDoesNotMatch',
      `Signature expired: ${formatAmzDate(timing.requestTime)} is now earlier than ${formatAmzDate((nowSeconds - lifetime) * 1000)} (${formatAmzDate(nowSeconds * 1000)} - ${duration(lifetime)}.)`,
    );
  }
  if (requestSeconds > nowSeconds + SKEW_SECONDS) {
    throw sigv4Error(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${formatAmzDate(timing.requestTime)} is still later than ${formatAmzDate((nowSeconds + SKEW_SECONDS) * 1000)} (${formatAmzDate(nowSeconds * 1000)} + ${duration(SKEW_SECONDS)}.)`,
    );
  }
  return (requestSeconds + lifetime) * 1000 + 999;
}

function duration(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} sec`;
}
