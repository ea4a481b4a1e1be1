/**
 * The bearer token of `aws eks get-token`, checked as aws-iam-authenticator's `tokenVerifier.Verify`
 * checks it before asking STS (docs/aws-behaviour/eks-kubernetes-authentication.md): at most 4,096
 * bytes, `k8s-aws-v1.` + unpadded base64url of a presigned `GetCallerIdentity` URL on `/`, only the
 * SigV4 query parameters, once each, `x-k8s-aws-id` among the signed headers, `X-Amz-Expires`
 * within 0–900 and not more than 15 minutes past `X-Amz-Date` whatever `X-Amz-Expires` says. Every
 * refusal reaches the client as 401 Unauthorized; the reason goes to the audit log only.
 */

/** Why a token was refused (the authenticator's FormatError texts). */
export class TokenRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRefused';
  }
}

/** A token that passed the format checks. */
export interface PresignedToken {
  /** Scheme, host and port of the presigned URL (`https://sts.us-east-1.amazonaws.com`, `http://127.0.0.1:4566`). */
  readonly origin: string;
  /** The Host header the URL was signed with. */
  readonly host: string;
  /** The query string as signed, without `?`. */
  readonly rawQuery: string;
  readonly accessKeyId: string;
  /** X-Amz-Date as epoch ms. */
  readonly signedAt: number;
  /** When the token stops being accepted: 15 minutes after X-Amz-Date. */
  readonly expiresAt: number;
}

const PREFIX = 'k8s-aws-v1.';
const MAX_TOKEN_BYTES = 4096;
/** Presigned GetCallerIdentity URLs, and so tokens, are good for 15 minutes after X-Amz-Date. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;
const ALLOWED_PARAMETERS = new Set([
  'action', 'version', 'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-expires', 'x-amz-security-token', 'x-amz-signature', 'x-amz-signedheaders',
]);
/** STS hostnames of the aws partition: global, regional, FIPS, dual-stack. */
const STS_HOST = /^sts(?:-fips)?(?:\.[a-z]{2}(?:-gov)?-[a-z]+-\d)?\.(?:amazonaws\.com|api\.aws)$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Whether `host` (with its port, if any) is an STS endpoint the token may name: AWS's, or Tollgate's own. */
export type StsHostCheck = (url: URL) => boolean;

/** The default check: an AWS STS hostname over https, or any host on `ownPort` (Tollgate's STS) over http or https. */
export function stsHosts(ownPort: number): StsHostCheck {
  return (url) => (url.protocol === 'https:' && url.port === '' && STS_HOST.test(url.hostname)) || url.port === String(ownPort);
}

function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Checks the token's form and freshness at `now`; throws TokenRefused. */
export function parsePresignedToken(token: string, now: number, isStsHost: StsHostCheck): PresignedToken {
  if (Buffer.byteLength(token) > MAX_TOKEN_BYTES) throw new TokenRefused('token is too large');
  if (!token.startsWith(PREFIX)) throw new TokenRefused(`token is missing expected "${PREFIX}" prefix`);
  const encoded = token.slice(PREFIX.length);
  if (!BASE64URL.test(encoded) || encoded.length % 4 === 1) throw new TokenRefused('illegal base64 data in token');
  let url: URL;
  try {
    url = new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new TokenRefused('the token is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TokenRefused(`unexpected scheme "${url.protocol.slice(0, -1)}" in pre-signed URL`);
  if (!isStsHost(url)) throw new TokenRefused(`unexpected hostname "${url.host}" in pre-signed URL`);
  if (url.pathname !== '/') throw new TokenRefused('unexpected path in pre-signed URL');
  const rawQuery = url.search.slice(1);
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const lower = key.toLowerCase();
    if (params.has(lower)) throw new TokenRefused(`duplicate query parameter found: "${key}"`);
    if (!ALLOWED_PARAMETERS.has(lower)) throw new TokenRefused(`non-whitelisted query parameter "${key}"`);
    params.set(lower, value);
  }
  if (params.get('action') !== 'GetCallerIdentity') throw new TokenRefused('unexpected action parameter in pre-signed URL');
  if (!(params.get('x-amz-signedheaders') ?? '').split(';').some((h) => h.toLowerCase() === 'x-k8s-aws-id')) {
    throw new TokenRefused('client did not sign the x-k8s-aws-id header in the pre-signed URL');
  }
  const expiresText = params.get('x-amz-expires') ?? '';
  const expires = /^\d+$/.test(expiresText) ? Number(expiresText) : NaN;
  if (!(expires >= 0 && expires <= 900)) throw new TokenRefused(`invalid X-Amz-Expires parameter in pre-signed URL: ${Number.isNaN(expires) ? 0 : expires}`);
  const date = params.get('x-amz-date');
  if (!date) throw new TokenRefused('X-Amz-Date parameter must be present in pre-signed URL');
  const signedAt = parseAmzDate(date);
  if (signedAt === undefined) throw new TokenRefused(`error parsing X-Amz-Date parameter ${date}`);
  const expiresAt = signedAt + TOKEN_LIFETIME_MS;
  if (now > expiresAt) throw new TokenRefused(`X-Amz-Date parameter is expired (15 minute expiration) ${new Date(signedAt).toISOString()}`);
  return { origin: url.origin, host: url.host, rawQuery, accessKeyId: (params.get('x-amz-credential') ?? '').split('/')[0]!, signedAt, expiresAt };
}
