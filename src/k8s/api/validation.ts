/**
 * Object validation with Kubernetes's field errors and texts (apimachinery's `field.Error` and
 * `validation.Is*`): names (RFC 1123 subdomain or label, RFC 1035 label, path segment), label keys
 * and values, and the field error bodies (`Invalid value: "x": why`, `Required value`, ...).
 */
import type { FieldError } from '../kube-status.ts';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;

function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join('or ')}regex used for validation is '${format}')`;
}

function maxLength(n: number): string {
  return `must be no more than ${n} characters`;
}

const whole = (format: string) => new RegExp(`^(?:${format})$`);
const LABEL_RE = whole(DNS1123_LABEL);
const SUBDOMAIN_RE = whole(DNS1123_SUBDOMAIN);
const DNS1035_RE = whole(DNS1035_LABEL);
const QUALIFIED_RE = whole(QUALIFIED_NAME);
const LABEL_VALUE_RE = whole(LABEL_VALUE);

/** Problems of an RFC 1123 label (namespace names). */
export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLength(63));
  if (!LABEL_RE.test(value)) errs.push(regexError('a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character', DNS1123_LABEL, 'my-name', '123-abc'));
  return errs;
}

/** Problems of an RFC 1123 subdomain (most object names). */
export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLength(253));
  if (!SUBDOMAIN_RE.test(value)) errs.push(regexError('a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character', DNS1123_SUBDOMAIN, 'example.com'));
  return errs;
}

/** Problems of an RFC 1035 label (Service names). */
export function dns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLength(63));
  if (!DNS1035_RE.test(value)) errs.push(regexError('a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character', DNS1035_LABEL, 'my-name', 'abc-123'));
  return errs;
}

/** Problems of a path segment name (RBAC object names). */
export function pathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (value.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** Problems of a label key (`prefix/name`). */
export function qualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix = '', rest = ''] = parts;
    name = rest;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return [regexError('a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character', QUALIFIED_NAME, 'MyName', 'my.name', '123-abc') + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLength(63)}`);
  if (name.length > 0 && !QUALIFIED_RE.test(name)) errs.push(`name part ${regexError('must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character', QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** Problems of a label value. */
export function labelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLength(63));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError('a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character', LABEL_VALUE, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** A bad value as `ErrorBody` prints it. */
function printValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `Invalid value: <value>: <detail>`. */
export function invalidValue(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, body: `Invalid value: ${printValue(value)}${detail ? `: ${detail}` : ''}` };
}

/** `Required value[: detail]`. */
export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, body: `Required value${detail ? `: ${detail}` : ''}` };
}

/** `Unsupported value: <value>: supported values: ...`. */
export function unsupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { type: 'FieldValueNotSupported', field, body: `Unsupported value: ${printValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` };
}

/** `Forbidden: <detail>`. */
export function forbiddenField(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, body: `Forbidden: ${detail}` };
}

/** Field errors of each name problem. */
export function nameErrors(field: string, value: string, problems: readonly string[]): FieldError[] {
  return problems.map((p) => invalidValue(field, value, p));
}

/** Errors of `metadata.labels` and `metadata.annotations` keys and label values. */
export function metadataMapErrors(metadata: { labels?: unknown; annotations?: unknown }): FieldError[] {
  const errs: FieldError[] = [];
  if (metadata.labels !== undefined && metadata.labels !== null) {
    for (const [key, value] of Object.entries(metadata.labels as Record<string, unknown>)) {
      errs.push(...nameErrors('metadata.labels', key, qualifiedName(key)));
      if (typeof value === 'string') errs.push(...nameErrors('metadata.labels', value, labelValue(value)));
    }
  }
  if (metadata.annotations !== undefined && metadata.annotations !== null) {
    for (const key of Object.keys(metadata.annotations as Record<string, unknown>)) {
      errs.push(...nameErrors('metadata.annotations', key, qualifiedName(key.toLowerCase())));
    }
  }
  return errs;
}
