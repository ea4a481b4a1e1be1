/**
 * Reads any denial text as AWS and its clients print it (aws-message.ts for the message, error-envelope.ts
 * for what the client wrapped around it, kubernetes-denial.ts for kubectl) into one ParsedDenial.
 */
import { readMessage } from './aws-message.ts';
import type { ParsedDenial } from './diagnosis.ts';
import { canonicalText } from './denial-text.ts';
import { readEnvelope } from './error-envelope.ts';
import { parseKubernetesDenial } from './kubernetes-denial.ts';
import { operationAction, servicePrefix } from './operation-actions.ts';
import { principalParts } from './principal-arn.ts';

/** What a text must show to be read as a denial, for the error message when it shows none. */
export const EXPECTED_FORMS =
  'an AWS access-denied message such as `User: arn:aws:iam::111122223333:user/name is not authorized to perform: eks:DescribeCluster on resource: ARN`, '
  + '`An error occurred (AccessDenied) when calling the AssumeRole operation: ...` or kubectl\'s `Error from server (Forbidden): ...`';

/** Error codes that mean a denial (`AccessDenied`, `AccessDeniedException`, `KMSAccessDenied`, `UnauthorizedOperation` ...). */
const DENIAL_CODE = /AccessDenied|UnauthorizedOperation|AuthorizationError|NotAuthorized/i;

/** The IAM prefix of the service the envelope names, or that an EC2-only error code implies. */
function prefixOf(service: string | null, errorCode: string | null): string | undefined {
  return servicePrefix(service) ?? (errorCode === 'UnauthorizedOperation' || errorCode === 'Client.UnauthorizedOperation' ? 'ec2' : undefined);
}

/** `denial` with the operation the user names (for texts that omit it, such as the SDKs' messages). */
export function withOperation(denial: ParsedDenial, operation: string | undefined): ParsedDenial {
  if (operation === undefined || denial.operation !== null || denial.kubernetes) return denial;
  const inferred = denial.action === null ? operationAction(operation, prefixOf(denial.service, denial.errorCode)) : undefined;
  return inferred === undefined ? { ...denial, operation } : { ...denial, operation, action: inferred, actionInferred: true };
}

/** Parses a denial text; undefined when the text holds no denial this reader knows. */
export function parseDenial(raw: string): ParsedDenial | undefined {
  const text = canonicalText(raw);
  if (text === '') return undefined;
  const kubernetes = parseKubernetesDenial(text);
  if (kubernetes) return kubernetes;
  const envelope = readEnvelope(text);
  const message = readMessage(text);
  const kmsCiphertext = message.detail?.startsWith('The ciphertext refers to a customer master key') ?? false;
  const action =
    message.action
    ?? envelope.apiAction
    ?? (envelope.operation ? operationAction(envelope.operation, prefixOf(envelope.service, envelope.errorCode)) : undefined)
    ?? (kmsCiphertext ? 'kms:Decrypt' : null);
  const parts = message.principal ? principalParts(message.principal) : undefined;
  const denialCode = envelope.errorCode !== null && DENIAL_CODE.test(envelope.errorCode);
  if (!message.principal && !message.action && !envelope.apiAction && !denialCode && !message.detail) return undefined;
  return {
    principal: message.principal,
    principalType: parts?.type ?? null,
    account: parts?.account ?? null,
    action,
    actionInferred: action !== null && message.action === null && envelope.apiAction === null,
    resource: message.resource,
    operation: envelope.operation,
    reason: message.reason,
    errorCode: envelope.errorCode,
    service: envelope.service ?? prefixOf(null, envelope.errorCode) ?? null,
    requestId: envelope.requestId,
    encodedMessage: message.encodedMessage,
    authorizationId: envelope.authorizationId,
    detail: message.detail,
    via: /\bcould not get token\b/.test(text) ? 'kubectl-credentials' : envelope.apiAction !== null || /\b[A-Z_]+_FAILED\b/.test(text) ? 'cloudformation' : null,
    kubernetes: null,
  };
}
