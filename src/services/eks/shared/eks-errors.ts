/**
 * EKS's errors (docs/aws-behaviour/error-shapes.md): restJson1 exceptions whose bodies carry the modeled members
 * (`clusterName`, `nodegroupName`, …) beside `message`; the encoder fills unused members with null.
 */
import { AwsError } from '../../../kernel/aws-error.ts';

/** Body members beside `message`. */
export type EksErrorFields = Readonly<Record<string, string | null | readonly string[]>>;

function eksError(code: string, status: number, message: string, fields: EksErrorFields): AwsError {
  return new AwsError(code, status, message, { fields });
}

/** 404 ResourceNotFoundException. */
export function resourceNotFound(message: string, fields: EksErrorFields = {}): AwsError {
  return eksError('ResourceNotFoundException', 404, message, fields);
}

/** 409 ResourceInUseException. */
export function resourceInUse(message: string, fields: EksErrorFields = {}): AwsError {
  return eksError('ResourceInUseException', 409, message, fields);
}

/** 400 InvalidParameterException. */
export function invalidParameter(message: string, fields: EksErrorFields = {}): AwsError {
  return eksError('InvalidParameterException', 400, message, fields);
}

/** 400 InvalidRequestException. */
export function invalidRequest(message: string, fields: EksErrorFields = {}): AwsError {
  return eksError('InvalidRequestException', 400, message, fields);
}

/** 400 BadRequestException (the tag operations only). */
export function badRequest(message: string): AwsError {
  return eksError('BadRequestException', 400, message, {});
}

/** 404 NotFoundException (the tag operations only). */
export function notFound(message: string): AwsError {
  return eksError('NotFoundException', 404, message, {});
}

/** `No cluster found for name: <name>.` (docs/aws-behaviour/eks-clusters-and-lifecycle.md). */
export function clusterNotFound(name: string): AwsError {
  return resourceNotFound(`No cluster found for name: ${name}.`, { clusterName: name });
}
