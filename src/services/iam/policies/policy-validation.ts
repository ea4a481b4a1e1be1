/**
 * Policy documents in IAM requests: the policy engine's validator, its outcome thrown as IAM's error
 * (`MalformedPolicyDocument` 400 or `LimitExceeded` 409, docs/aws-behaviour/iam-policy-language.md).
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import { validatePolicy, type DocumentKind, type PolicyDocument } from '../../../policy/index.ts';

/** A document that passed validation, with its counted size. */
export interface ValidDocument {
  readonly document: PolicyDocument;
  readonly size: number;
}

/** Validates `text` as `kind`; throws IAM's error for the first problem. */
export function assertValidPolicy(text: string, kind: DocumentKind, options: { enforceSizeLimit?: boolean } = {}): ValidDocument {
  const result = validatePolicy(text, kind, options);
  if (!result.ok) {
    const status = result.error.code === 'LimitExceeded' ? 409 : 400;
    throw new AwsError(result.error.code, status, result.error.message);
  }
  return { document: result.document, size: result.size };
}
