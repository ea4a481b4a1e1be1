/**
 * Console passwords: checked against the account password policy (or AWS's default policy when the
 * account has none) and hashed with scrypt and a random salt; never stored, logged or returned in clear.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AwsError } from '../../../kernel/aws-error.ts';
import type { PasswordPolicyRecord } from '../../../store/iam-records.ts';
import { noSuchEntity } from '../shared/iam-errors.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** The symbols IAM's RequireSymbols counts. */
const SYMBOLS = new Set("!@#$%^&*()_+-=[]{}|'");

/** `PasswordPolicyViolation` 400 with AWS's text. */
export function passwordPolicyViolation(): AwsError {
  return new AwsError('PasswordPolicyViolation', 400, 'Password does not conform to the account password policy.');
}

/** NoSuchEntity for an account without a password policy (Get/DeleteAccountPasswordPolicy). */
export function noPasswordPolicy(accountId: string): AwsError {
  return noSuchEntity(`The Password Policy with domain name ${accountId} cannot be found.`);
}

/** Throws PasswordPolicyViolation unless `password` satisfies `policy` (none: AWS's default policy). */
export function assertPasswordConforms(password: string, policy: PasswordPolicyRecord | undefined): void {
  const kinds = {
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    number: /[0-9]/.test(password),
    symbol: [...password].some((c) => SYMBOLS.has(c)),
  };
  if (policy === undefined) {
    // The default policy: at least 8 characters of at least three of the four kinds.
    const present = Object.values(kinds).filter(Boolean).length;
    if (password.length < 8 || present < 3) throw passwordPolicyViolation();
    return;
  }
  const fails = password.length < policy.minimumPasswordLength
    || (policy.requireUppercaseCharacters && !kinds.upper)
    || (policy.requireLowercaseCharacters && !kinds.lower)
    || (policy.requireNumbers && !kinds.number)
    || (policy.requireSymbols && !kinds.symbol);
  if (fails) throw passwordPolicyViolation();
}

/** `scrypt$N$r$p$<salt>$<hash>` (base64 parts) of `password` with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `password` is the one `stored` was computed from (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}
