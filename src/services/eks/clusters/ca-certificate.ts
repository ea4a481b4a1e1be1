/**
 * A real self-signed X.509 CA certificate per cluster, as EKS puts in `certificateAuthority.data`
 * (`CN = kubernetes`, RSA 2048, serial 0, ten years, CA:TRUE, key usage critical digitalSignature +
 * keyEncipherment + keyCertSign; docs/aws-behaviour/eks-kubernetes-endpoint.md). Its private key is
 * kept, sealed at rest, because the CA signs the certificate the cluster's Kubernetes endpoint serves,
 * so that `aws eks update-kubeconfig` writes a kubeconfig that verifies TLS as it does at AWS.
 */
import { generateKeyPair, generateKeyPairSync, randomBytes, X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import type { SecretBox } from '../../../kernel/secret-box.ts';
import {
  bits, certificateDer, certificatePem, extension, keyIdentifier, name, OID, octets, oid, sequence, tlv, TRUE,
} from './x509-der.ts';

const generate = promisify(generateKeyPair);
const CA_NAME = name([OID.commonName, 'kubernetes']);

/** A PEM certificate and its key. */
export interface CaCertificate {
  readonly pem: string;
  readonly privateKey: KeyObject;
}

/** Makes the cluster CA: self-signed `CN=kubernetes`, valid ten years from `now` (epoch ms). */
export async function createCaCertificate(now: number): Promise<CaCertificate> {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const notBefore = new Date(Math.floor(now / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  const der = certificateDer({
    serial: Buffer.from([0]), issuer: CA_NAME, subject: CA_NAME, notBefore, notAfter, spki, issuerKey: privateKey,
    extensions: [
      extension(OID.keyUsage, true, bits(Buffer.from([0xa4]), 2)),
      extension(OID.basicConstraints, true, sequence(TRUE)),
      extension(OID.subjectKeyIdentifier, false, octets(keyIdentifier(spki))),
    ],
  });
  return { pem: certificatePem(der), privateKey };
}

/** The CA's private key sealed for the store (PKCS#8 PEM inside the SecretBox). */
export function sealCaKey(secrets: SecretBox, key: KeyObject): string {
  return secrets.seal(key.export({ type: 'pkcs8', format: 'pem' }).toString());
}

/** The CA's private key from its sealed form. */
export function openCaKey(secrets: SecretBox, sealed: string): KeyObject {
  return createPrivateKey(secrets.open(sealed));
}

/** A serving certificate with its key, both PEM. */
export interface ServingCertificate {
  readonly certificatePem: string;
  readonly keyPem: string;
}

/**
 * A certificate for the cluster's API server, issued by its CA: `CN=kube-apiserver`, an ECDSA P-256
 * key, serverAuth, the given DNS names and IP addresses as subject alternative names (Go's TLS, and
 * so kubectl, matches only those), valid from an hour before `now` for a year (never past the CA).
 */
export function issueServingCertificate(ca: CaCertificate, names: readonly string[], now: number): ServingCertificate {
  const caCert = new X509Certificate(ca.pem);
  const caSpki = caCert.publicKey.export({ type: 'spki', format: 'der' });
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const notBefore = new Date(Math.floor(now / 1000) * 1000 - 3_600_000);
  const yearLater = new Date(notBefore.getTime() + 366 * 86_400_000);
  const caEnd = new Date(caCert.validTo);
  const notAfter = yearLater < caEnd ? yearLater : caEnd;
  const alternativeNames = names.map((n) => (isIP(n) ? tlv(0x87, ipBytes(n)) : tlv(0x82, Buffer.from(n, 'ascii'))));
  const der = certificateDer({
    serial: Buffer.concat([Buffer.from([0x01]), randomBytes(15)]),
    issuer: CA_NAME,
    subject: name([OID.commonName, 'kube-apiserver']),
    notBefore, notAfter, spki, issuerKey: ca.privateKey,
    extensions: [
      extension(OID.keyUsage, true, bits(Buffer.from([0x80]), 7)),
      extension(OID.extendedKeyUsage, false, sequence(oid(OID.serverAuth))),
      extension(OID.basicConstraints, true, sequence()),
      extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, keyIdentifier(caSpki)))),
      extension(OID.subjectAltName, false, sequence(...alternativeNames)),
    ],
  });
  return { certificatePem: certificatePem(der), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  const [head = '', tail = ''] = ip.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':').map((g) => parseInt(g, 16)));
  const front = groups(head);
  const back = ip.includes('::') ? groups(tail) : [];
  const all = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(g, i * 2));
  return out;
}
