/**
 * The few DER (X.690) and X.509 (RFC 5280) pieces Tollgate's certificates are made of. node:crypto
 * makes keys and signs but cannot build certificates, so the TBSCertificate is assembled here and
 * signed with the issuer's key; `X509Certificate` parses the result in the tests.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One tag-length-value. */
export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

/** SEQUENCE of `items`. */
export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
/** SET of `items`. */
export const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
/** [n] EXPLICIT. */
export const explicit = (n: number, item: Buffer): Buffer => tlv(0xa0 + n, item);
/** OCTET STRING. */
export const octets = (content: Buffer): Buffer => tlv(0x04, content);
/** BIT STRING. */
export const bits = (content: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unused]), content]));
/** BOOLEAN TRUE. */
export const TRUE = tlv(0x01, Buffer.from([0xff]));
const NULL = Buffer.from([0x05, 0x00]);

/** A non-negative INTEGER from its big-endian magnitude. */
export function unsignedInteger(magnitude: Buffer): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start += 1;
  const bytes = magnitude.subarray(start);
  return tlv(0x02, bytes.length === 0 || (bytes[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** A small non-negative INTEGER. */
export function integer(n: number): Buffer {
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return unsignedInteger(Buffer.from(bytes));
}

/** OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 §4.1.2.5). */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

/** A Name of one RDN per `[oid, value]` pair, values as UTF8String. */
export function name(...attributes: readonly (readonly [string, string])[]): Buffer {
  return sequence(...attributes.map(([type, value]) => set(sequence(oid(type), tlv(0x0c, Buffer.from(value, 'utf8'))))));
}

/** An Extension. */
export function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(oid(id), TRUE, octets(value)) : sequence(oid(id), octets(value));
}

/** The OIDs used here. */
export const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  extendedKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

/** The key identifier RFC 5280 §4.2.1.2 (1) describes: SHA-1 of the subject public key bits (here, of the SPKI). */
export function keyIdentifier(spki: Buffer): Buffer {
  return createHash('sha1').update(spki).digest();
}

/** What a certificate is made of; the issuer's key signs it with sha256WithRSAEncryption or ecdsa-with-SHA256. */
export interface CertificateFields {
  readonly serial: Buffer;
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DER SubjectPublicKeyInfo. */
  readonly spki: Buffer;
  readonly extensions: readonly Buffer[];
  readonly issuerKey: KeyObject;
}

function signatureAlgorithm(key: KeyObject): Buffer {
  return key.asymmetricKeyType === 'ec' ? sequence(oid('1.2.840.10045.4.3.2')) : sequence(oid('1.2.840.113549.1.1.11'), NULL);
}

/** A signed v3 certificate, DER. */
export function certificateDer(fields: CertificateFields): Buffer {
  const algorithm = signatureAlgorithm(fields.issuerKey);
  const tbs = sequence(
    explicit(0, integer(2)), unsignedInteger(fields.serial), algorithm, fields.issuer,
    sequence(time(fields.notBefore), time(fields.notAfter)), fields.subject, fields.spki, explicit(3, sequence(...fields.extensions)),
  );
  return sequence(tbs, algorithm, bits(sign('sha256', tbs, fields.issuerKey)));
}

/** PEM text of a DER certificate. */
export function certificatePem(der: Buffer): string {
  const body = der.toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
