/**
 * The default account's root key given by the environment (`TOLLGATE_ROOT_ACCESS_KEY_ID` and
 * `TOLLGATE_ROOT_SECRET_ACCESS_KEY`), checked for the format AWS gives keys: `AKIA` and 16 characters of
 * the base32 alphabet (A–Z, 2–7), and a 40-character secret of letters, digits, `+` and `/`.
 */
import type { GivenRootKey } from '../services/iam/create-account.ts';
import { StartupError } from '../startup-error.ts';

const KEY_ID = /^AKIA[A-Z2-7]{16}$/;
const SECRET = /^[A-Za-z0-9+/]{40}$/;

/** The given root key, undefined when neither variable is set; a StartupError when malformed or half given. */
export function rootKeyFromEnvironment(environment: Readonly<Record<string, string | undefined>>): GivenRootKey | undefined {
  const accessKeyId = environment['TOLLGATE_ROOT_ACCESS_KEY_ID'];
  const secretAccessKey = environment['TOLLGATE_ROOT_SECRET_ACCESS_KEY'];
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    throw new StartupError('TOLLGATE_ROOT_ACCESS_KEY_ID and TOLLGATE_ROOT_SECRET_ACCESS_KEY go together: set both or neither');
  }
  if (!KEY_ID.test(accessKeyId)) {
    throw new StartupError(`TOLLGATE_ROOT_ACCESS_KEY_ID \`${accessKeyId}\` is not an access key id: AKIA and 16 characters from A–Z and 2–7, as AKIAIOSFODNN7EXAMPLE`);
  }
  // The secret itself is never repeated back.
  if (!SECRET.test(secretAccessKey)) {
    throw new StartupError(`TOLLGATE_ROOT_SECRET_ACCESS_KEY is not a secret access key: 40 characters from A–Z, a–z, 0–9, + and / (it has ${secretAccessKey.length})`);
  }
  return { accessKeyId, secretAccessKey };
}
