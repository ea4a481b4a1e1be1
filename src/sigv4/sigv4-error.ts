// SigV4 authentication failures and how each renders per wire protocol (docs/aws-behaviour/sigv4.md, docs/aws-behaviour/sts-sessions.md).
import { AwsError } from '../kernel/aws-error.ts';

/** The wire protocol whose error vocabulary a failure is rendered in: IAM/STS speak awsQuery, EKS restJson1. */
export type SigV4Protocol = 'awsQuery' | 'restJson1';

/**
 * Each failure's code and HTTP status per protocol.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html (awsQuery codes);
 * EKS codes are observed or inferred (docs/aws-behaviour/sigv4.md).
 */
export const SIGV4_FAILURES = {
  MissingAuthenticationToken: {
    awsQuery: { code: 'MissingAuthenticationToken', status: 403, message: 'Request is missing Authentication Token' },
    restJson1: { code: 'MissingAuthenticationTokenException', status: 403, message: 'Missing Authentication Token' },
  },
  IncompleteSignature: {
    awsQuery: { code: 'IncompleteSignature', status: 400, message: undefined },
    restJson1: { code: 'IncompleteSignatureException', status: 400, message: undefined },
  },
  SignatureDoesNotMatch: {
    awsQuery: { code: 'SignatureDoesNotMatch', status: 403, message: undefined },
    restJson1: { code: 'InvalidSignatureException', status: 403, message: undefined },
  },
  InvalidClientTokenId: {
    awsQuery: { code: 'InvalidClientTokenId', status: 403, message: undefined },
    restJson1: { code: 'UnrecognizedClientException', status: 403, message: undefined },
  },
  ExpiredToken: {
    awsQuery: { code: 'ExpiredToken', status: 403, message: undefined },
    restJson1: { code: 'ExpiredTokenException', status: 403, message: undefined },
  },
} as const;

/** Which SigV4 check failed, independent of the protocol it is rendered in. */
export type SigV4Failure = keyof typeof SIGV4_FAILURES;

/** Fixed message texts (docs/aws-behaviour/sigv4.md). */
export const SIGV4_MESSAGES = {
  signatureMismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  invalidToken: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  hostNotSigned: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
} as const;

/** A failed SigV4 check: an AwsError whose `failure` names the check, so any layer can re-render it. */
export class SigV4Error extends AwsError {
  constructor(
    readonly failure: SigV4Failure,
    readonly protocol: SigV4Protocol,
    /** The protocol-independent text; rendered messages may differ (MissingAuthenticationToken). */
    readonly detail: string,
  ) {
    const rendering = SIGV4_FAILURES[failure][protocol];
    super(rendering.code, rendering.status, rendering.message ?? detail);
  }

  /** The same failure rendered for `protocol`. */
  as(protocol: SigV4Protocol): SigV4Error {
    return protocol === this.protocol ? this : new SigV4Error(this.failure, protocol, this.detail);
  }
}

/** A failure in the awsQuery vocabulary (the verifier re-renders it for the request's protocol). */
export function sigv4Error(failure: SigV4Failure, detail = ''): SigV4Error {
  return new SigV4Error(failure, 'awsQuery', detail);
}

/** The protocol of a service by its signing name: EKS is restJson1, IAM and STS (and unknown names) awsQuery. */
export function protocolForService(service: string | undefined): SigV4Protocol {
  return service === 'eks' ? 'restJson1' : 'awsQuery';
}
