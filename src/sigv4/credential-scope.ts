// The credential `AKID/yyyymmdd/region/service/aws4_request` and the checks on its scope (docs/aws-behaviour/sigv4.md).
import { sigv4Error } from './sigv4-error.ts';

/** The scope a request was signed for. */
export interface CredentialScope {
  /** `yyyymmdd`. */
  readonly date: string;
  readonly region: string;
  /** The signing name: `iam`, `sts`, `eks`. */
  readonly service: string;
}

/** A parsed `Credential=` / `X-Amz-Credential` value. */
export interface ParsedCredential {
  readonly accessKeyId: string;
  readonly scope: CredentialScope;
  /** `yyyymmdd/region/service/terminator`, as it enters the string to sign. */
  readonly scopeText: string;
  readonly terminator: string;
}

/** What the server expects of the scope; absent members accept anything. */
export interface ExpectedScope {
  readonly region?: string | undefined;
  readonly service?: string | undefined;
}

/** Splits a credential into key id and scope; throws IncompleteSignature unless it has exactly five parts. */
export function parseCredential(credential: string): ParsedCredential {
  const parts = credential.split('/');
  if (parts.length !== 5) {
    throw sigv4Error(
      'IncompleteSignature',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = parts;
  return { accessKeyId, scope: { date, region, service }, scopeText: credential.slice(accessKeyId.length + 1), terminator };
}

/**
 * The scope errors of `credential` for a request dated `amzDate`, concatenated in AWS's order
 * (region, service, terminator, date), each ending `. ` as observed for the region error; '' when the scope is valid.
 */
export function scopeProblems(credential: ParsedCredential, amzDate: string, expected: ExpectedScope): string {
  const { region, service, date } = credential.scope;
  let problems = '';
  if (expected.region !== undefined && region !== expected.region) {
    problems += `Credential should be scoped to a valid region, not '${region}'. `;
  }
  if (expected.service !== undefined && service !== expected.service) {
    problems += `Credential should be scoped to correct service: '${expected.service}'. `;
  }
  if (credential.terminator !== 'aws4_request') {
    problems += `Credential should be scoped with a valid terminator: 'aws4_request', not '${credential.terminator}'. `;
  }
  const requestDate = amzDate.slice(0, 8);
  if (date !== requestDate) {
    problems += `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${requestDate}', from '${amzDate}'. `;
  }
  return problems;
}
