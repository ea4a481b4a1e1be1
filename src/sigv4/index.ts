// The public surface of sigv4/: verify (server), sign (tests, benchmarks), and the error vocabulary.
export { verifySignature, type SigningCredential, type VerifyOptions, type VerifiedRequest } from './verify-signature.ts';
export { signRequest, type SignRequestInput, type SignedRequest, type SigningIdentity } from './sign-request.ts';
export { splitRequestTarget, type SigV4Request, type HeaderValue, type QueryPair } from './sigv4-request.ts';
export {
  SigV4Error,
  SIGV4_FAILURES,
  SIGV4_MESSAGES,
  protocolForService,
  type SigV4Failure,
  type SigV4Protocol,
} from './sigv4-error.ts';
export type { CredentialScope } from './credential-scope.ts';
export type { SignatureLocation } from './signature-claim.ts';
export type { PresignedExpiry } from './time-window.ts';
export { SigningKeyCache } from './signing-key.ts';
