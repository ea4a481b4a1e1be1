/** A policy document that IAM would refuse, with IAM's error code and exact message (docs/aws-behaviour/iam-policy-language.md). */
export interface PolicyValidationError {
  readonly code: 'MalformedPolicyDocument' | 'LimitExceeded';
  readonly message: string;
}

/** IAM's MalformedPolicyDocument messages, verbatim (docs/aws-behaviour/iam-policy-language.md). */
export const MALFORMED = {
  invalidJson: 'This policy contains invalid Json',
  syntax: 'Syntax errors in policy.',
  version: 'Policy document must be version 2012-10-17 or greater.',
  legacy: 'The policy failed legacy parsing',
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  sidCharacters: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  noActions: 'Policy statement must contain actions.',
  noResources: 'Policy statement must contain resources.',
  actionVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  actionColons: 'Actions/Condition can contain only one colon.',
  principalForbidden: 'Policy document should not specify a principal.',
  resourceForbidden: 'Has prohibited field Resource',
  trustActions: 'AssumeRole policy may only specify STS AssumeRole actions.',
  principalMissing: 'Missing required field Principal',
  resourceVendor: 'Resource vendor must be fully qualified and cannot contain regexes.',
  iamResourcePath:
    'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
} as const;

/** Builds a MalformedPolicyDocument error. */
export function malformed(message: string): PolicyValidationError {
  return { code: 'MalformedPolicyDocument', message };
}
