// Server-side SigV4 verification (docs/aws-behaviour/sigv4.md). Order of checks: parse → credential scope → time window →
// look up key → verify signature → session token and expiry → key status.
import type { Clock } from '../kernel/clock.ts';
import { canonicalHeaderBlock } from './canonical-headers.ts';
import { canonicalQueryString, parseQuery } from './canonical-query.ts';
import { canonicalRequest, EMPTY_PAYLOAD_SHA256, sha256Hex, stringToSign } from './canonical-request.ts';
import { canonicalUri } from './canonical-uri.ts';
import { parseCredential, scopeProblems, type CredentialScope } from './credential-scope.ts';
import { readSignatureClaim, type SignatureLocation } from './signature-claim.ts';
import { sharedSigningKeys, type SigningKeyCache } from './signing-key.ts';
import { protocolForService, SigV4Error, SIGV4_MESSAGES, sigv4Error, type SigV4Protocol } from './sigv4-error.ts';
import { headerValue, type SigV4Request } from './sigv4-request.ts';
import { checkTimeWindow, type PresignedExpiry } from './time-window.ts';

/** What the credential store knows about an access key id; only `secretAccessKey` is required. */
export interface SigningCredential {
  readonly secretAccessKey: string;
  /** Temporary credentials: the session token the request must present. */
  readonly sessionToken?: string | undefined;
  /** Temporary credentials: when they stop working, ms since the epoch. */
  readonly expiresAt?: number | undefined;
  /** An `Inactive` key is refused like an unknown one. */
  readonly status?: 'Active' | 'Inactive' | undefined;
}

/** How to verify: where credentials come from, the clock, and what the endpoint expects. */
export interface VerifyOptions<C extends SigningCredential> {
  /** The credential of an access key id, or undefined when the id is unknown or deleted. */
  readonly lookupCredentials: (accessKeyId: string) => Promise<C | undefined>;
  readonly clock: Clock;
  /** The signing name the endpoint serves (`iam`, `sts`, `eks`); undefined accepts any scope service. */
  readonly service?: string | undefined;
  /**
   * The region the endpoint serves; undefined accepts a scope of any region, IAM's included: AWS's IAM
   * endpoint takes `us-east-1` only, but one endpoint serving every Region takes what the client signed for.
   */
  readonly region?: string | undefined;
  /** The error vocabulary; by default that of `service`, else of the credential scope's service, else awsQuery. */
  readonly protocol?: SigV4Protocol | undefined;
  /** Presigned URL lifetime policy; by default `fifteen-minutes` for `sts` scopes, `x-amz-expires` otherwise. */
  readonly presignedExpiry?: PresignedExpiry | undefined;
  /** Signing-key cache; defaults to one shared by the process. */
  readonly signingKeys?: SigningKeyCache | undefined;
}

/** A request whose signature checked out. */
export interface VerifiedRequest<C extends SigningCredential> {
  readonly accessKeyId: string;
  /** The looked-up credential (the caller's own record type). */
  readonly credential: C;
  readonly scope: CredentialScope;
  /** As the client listed them, sorted. */
  readonly signedHeaders: readonly string[];
  readonly location: SignatureLocation;
  /** The presented session token, when there was one. A secret: never log it. */
  readonly sessionToken: string | undefined;
  /** X-Amz-Date (or Date), ms since the epoch. */
  readonly requestTime: number;
  /** The last millisecond at which this signature is accepted. */
  readonly validUntil: number;
}


/**
 * Authenticates `request`, or throws a SigV4Error (an AwsError: code, status, message per docs/aws-behaviour/sigv4.md, rendered
 * in the request's protocol; its `failure` names the check for callers that render errors themselves).
 */
export async function verifySignature<C extends SigningCredential>(
  request: SigV4Request,
  options: VerifyOptions<C>,
): Promise<VerifiedRequest<C>> {
  let protocol = options.protocol ?? (options.service !== undefined ? protocolForService(options.service) : undefined);
  try {
    const params = parseQuery(request.query);
    const claim = readSignatureClaim(request, params);
    const credential = parseCredential(claim.credential);
    const { scope } = credential;
    protocol ??= protocolForService(scope.service);

    const problems = scopeProblems(credential, claim.amzDate, { region: options.region, service: options.service });
    if (problems !== '') throw sigv4Error('SignatureDoesNotMatch', problems);

    const now = options.clock.now();
    const expiry = options.presignedExpiry ?? (scope.service === 'sts' ? 'fifteen-minutes' : 'x-amz-expires');
    const validUntil = checkTimeWindow(claim, now, expiry);

    const found = await options.lookupCredentials(credential.accessKeyId);
    if (found === undefined) throw sigv4Error('InvalidClientTokenId', SIGV4_MESSAGES.invalidToken);

    // The payload is always the body's own hash. `x-amz-content-sha256`, when sent, must be that hash:
    // `UNSIGNED-PAYLOAD` and the `STREAMING-*` forms are S3's, and IAM, STS and EKS answer them with their
    // signature mismatch, so that no captured signature can be replayed with another body.
    const payloadHash = request.payloadHash ?? (request.body === undefined ? EMPTY_PAYLOAD_SHA256 : sha256Hex(request.body));
    const declaredHash = headerValue(request.headers, 'x-amz-content-sha256');
    const payloadMatches = declaredHash === undefined || declaredHash === payloadHash;

    const presigned = claim.location === 'presigned-url';
    const canonical = canonicalRequest({
      method: request.method,
      canonicalUri: canonicalUri(request.path),
      canonicalQuery: canonicalQueryString(params, presigned ? 'X-Amz-Signature' : undefined),
      canonicalHeaders: canonicalHeaderBlock(request.headers, claim.signedHeaders),
      signedHeaders: claim.signedHeaderList,
      payloadHash,
    });
    const keys = options.signingKeys ?? sharedSigningKeys;
    const signer = keys.signer(claim.credential, found.secretAccessKey, scope.date, scope.region, scope.service);
    const expected = signer.hex(stringToSign(claim.amzDate, credential.scopeText, canonical));
    if (!equalInConstantTime(expected, claim.signature) || !payloadMatches) {
      throw sigv4Error('SignatureDoesNotMatch', SIGV4_MESSAGES.signatureMismatch);
    }

    if (!sessionTokenMatches(found, claim.sessionToken)) {
      throw sigv4Error('InvalidClientTokenId', SIGV4_MESSAGES.invalidToken);
    }
    if (found.expiresAt !== undefined && now >= found.expiresAt) throw sigv4Error('ExpiredToken', SIGV4_MESSAGES.expiredToken);
    if (found.status === 'Inactive') throw sigv4Error('InvalidClientTokenId', SIGV4_MESSAGES.invalidToken);

    return {
      accessKeyId: credential.accessKeyId,
      credential: found,
      scope,
      signedHeaders: claim.signedHeaders,
      location: claim.location,
      sessionToken: claim.sessionToken,
      requestTime: claim.requestTime,
      validUntil,
    };
  } catch (error) {
    throw error instanceof SigV4Error ? error.as(protocol ?? 'awsQuery') : error;
  }
}

/**
 * Constant-time comparison of a secret text (the computed signature, a session's own token) with the one
 * presented: every character is compared, with no early exit, so the time taken says nothing about
 * where they differ; only the length decides early, and it is public (signatures are 64 hex digits,
 * session tokens have one length by their format). Done on the strings themselves: Buffer copies for
 * timingSafeEqual cost more than the whole comparison.
 */
export function equalInConstantTime(expected: string, presented: string): boolean {
  if (presented.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ presented.charCodeAt(i);
  return difference === 0;
}

/** A long-term key must come without a token; a temporary one with exactly its own (compared in constant time). */
function sessionTokenMatches(credential: SigningCredential, presented: string | undefined): boolean {
  const required = credential.sessionToken;
  if (required === undefined) return presented === undefined;
  return presented !== undefined && equalInConstantTime(required, presented);
}

