/**
 * `requestParameters` and `responseElements` as CloudTrail records them: member names in lower camel
 * case (`userName`, `roleArn`), timestamps as ISO text, and secrets left out altogether. CloudTrail
 * never records a password, a secret access key, a session token or a private key (see
 * docs/aws-behaviour/cloudtrail-events.md); a member of those names is dropped wherever it appears.
 */
import { isWireStructure, type WireStructure, type WireValue } from '../kernel/wire-value.ts';

/** Members that carry secrets (compared in lower case): never recorded. */
const SECRET_MEMBERS = new Set([
  'password', 'oldpassword', 'newpassword', 'secretaccesskey', 'sessiontoken', 'privatekey', 'samlassertion', 'webidentitytoken',
  'token', 'certificatebody', 'sshpublickeybody', 'serialnumberseed', 'base32stringseed', 'qrcodepng', 'authenticationcode1', 'authenticationcode2',
]);

/** True when a member of this name is a secret CloudTrail does not record. */
export function isSecretMember(name: string): boolean {
  return SECRET_MEMBERS.has(name.toLowerCase());
}

function lowerCamel(name: string): string {
  return name.length > 0 && name[0] !== name[0]!.toLowerCase() ? name[0]!.toLowerCase() + name.slice(1) : name;
}

function recordedText(value: WireValue): string | undefined {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `"${value.toISOString().replace(/\.\d{3}Z$/, 'Z')}"`;
  if (value instanceof Uint8Array) return undefined; // blobs (certificates, keys) are not recorded
  if (Array.isArray(value)) return `[${(value as readonly WireValue[]).map((item) => recordedText(item) ?? 'null').join(',')}]`;
  return isWireStructure(value) ? structureText(value) : undefined;
}

function structureText(value: WireStructure): string {
  let out = '';
  for (const key in value) {
    const member = value[key];
    if (member === undefined || member === null || isSecretMember(key)) continue;
    const written = recordedText(member);
    if (written !== undefined) out += `${out === '' ? '{' : ','}${JSON.stringify(lowerCamel(key))}:${written}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/** The recorded form of an input or output structure as JSON text, written directly (not built and serialised); `null` when it has no members to record. */
export function recordedParametersText(value: WireStructure | undefined): string {
  if (value === undefined) return 'null';
  const text = structureText(value);
  return text === '{}' ? 'null' : text;
}
