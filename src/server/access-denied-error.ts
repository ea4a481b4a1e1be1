/**
 * A denial by IAM authorization: AWS's AccessDenied (as the service's protocol spells it) that carries
 * the decision behind it, so the request log records which statement decided without reading it back
 * from an untyped error.
 */
import { AwsError } from '../kernel/aws-error.ts';
import type { AuthorizationOutcome } from './authorizer.ts';

/** 403 AccessDenied with the outcome of the checks that led to it. */
export class AccessDeniedError extends AwsError {
  /** `code` is the service's own (`AccessDenied` for awsQuery services, `AccessDeniedException` for JSON ones). */
  constructor(code: string, message: string, readonly outcome: AuthorizationOutcome) {
    super(code, 403, message);
  }
}
