/** IAM's errors with their exact texts (docs/aws-behaviour/error-shapes.md). */
import { AwsError } from '../../../kernel/aws-error.ts';

/** `NoSuchEntity` 404 with `message`. */
export function noSuchEntity(message: string): AwsError {
  return new AwsError('NoSuchEntity', 404, message);
}

/** `EntityAlreadyExists` 409 with `message`. */
export function entityAlreadyExists(message: string): AwsError {
  return new AwsError('EntityAlreadyExists', 409, message);
}

/** `DeleteConflict` 409 with `message`. */
export function deleteConflict(message: string): AwsError {
  return new AwsError('DeleteConflict', 409, message);
}

/** `LimitExceeded` 409 with `message`. */
export function limitExceeded(message: string): AwsError {
  return new AwsError('LimitExceeded', 409, message);
}

/** `InvalidInput` 400 with `message`. */
export function invalidInput(message: string): AwsError {
  return new AwsError('InvalidInput', 400, message);
}

/** `MalformedPolicyDocument` 400 with `message`. */
export function malformedPolicyDocument(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', 400, message);
}

/** The `NoSuchEntity` texts for missing users, groups and roles. */
export const missing = {
  user: (name: string) => noSuchEntity(`The user with name ${name} cannot be found.`),
  group: (name: string) => noSuchEntity(`The group with name ${name} cannot be found.`),
  role: (name: string) => noSuchEntity(`The role with name ${name} cannot be found.`),
  policy: (arn: string) => noSuchEntity(`Policy ${arn} was not found.`),
} as const;
