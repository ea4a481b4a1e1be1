/** STS's errors with their exact texts (docs/aws-behaviour/sts-sessions.md). */
import { AwsError } from '../../../kernel/aws-error.ts';

/** `ValidationError` 400 with `message`. */
export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', 400, message);
}

/** `InvalidParameterValue` 400 with `message`. */
export function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValue', 400, message);
}

/** `AccessDenied` 403 with `message`. */
export function accessDenied(message: string): AwsError {
  return new AwsError('AccessDenied', 403, message);
}

/** `MalformedPolicyDocument` 400 with `message`. */
export function malformedPolicyDocument(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', 400, message);
}

/** `PackedPolicyTooLarge` 400: session policies and tags exceed the packed allowance; `cause` says which overflowed. */
export function packedPolicyTooLarge(percent: number, cause: 'policy' | 'tags'): AwsError {
  return new AwsError('PackedPolicyTooLarge', 400, cause === 'tags' ? STS_MESSAGES.packedTagsTooLarge(percent) : STS_MESSAGES.packedPolicyTooLarge(percent));
}

/** The texts of STS refusals. */
export const STS_MESSAGES = {
  rootAssumeRole: 'Roles may not be assumed by root accounts.',
  maxSessionDuration: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
  roleChaining: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  duplicateTagKeys: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  transitiveNotInTags: 'The specified transitive tag key must be included in the requested tags.',
  transitiveConflict: "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
  sessionCredentials: (operation: string) => `Cannot call ${operation} with session credentials`,
  packedPolicyTooLarge: (percent: number) => `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
  packedTagsTooLarge: (percent: number) => `Packed size of session tags consumes ${percent}% of allotted space.`,
} as const;
