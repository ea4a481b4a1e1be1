// Test support: the console's sign-in and sign-out endpoints as the console calls them (plain JSON,
// and a SigV4-signed POST for sign-out).
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';
import type { Credentials } from '../support/tollgate-fixture.ts';

/** A sign-in answer: status and JSON body. */
export interface SignInAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

/** POSTs a sign-in; `input` as the console sends it. */
export async function signIn(url: string, input: Record<string, unknown>): Promise<SignInAnswer> {
  const response = await fetch(`${url}/_tollgate/console/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return { status: response.status, body: await response.json() as Record<string, unknown>, headers: response.headers };
}

/** The credentials of a successful sign-in (fails otherwise). */
export function credentialsOf(answer: SignInAnswer): Credentials {
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const c = answer.body['credentials'] as { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
}

/** Signs out the console session `credentials` with a SigV4-signed POST (service `signin`). */
export async function signOut(url: string, credentials: Credentials): Promise<{ status: number; body: Record<string, unknown> }> {
  const target = new URL(`${url}/_tollgate/console/sign-out`);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'signin', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST', protocol: 'http:', hostname: target.hostname, port: Number(target.port), path: target.pathname,
    headers: { host: target.host, 'content-type': 'application/json' }, body: '{}',
  });
  const response = await fetch(target, { method: 'POST', headers: signed.headers, body: '{}' });
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}
