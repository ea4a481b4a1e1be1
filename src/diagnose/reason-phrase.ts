/**
 * The reason suffix of AWS's AccessDenied message (docs/aws-behaviour/access-denied-messages.md):
 * `because no <type> allows the <action> action` for an implicit deny, `with an explicit deny in
 * a|an|the <type>` for an explicit one, optionally followed by the deciding policy's ARN and by
 * `transitively through a <type>`. Read in either direction: parsed from a text, and phrased for a
 * decision.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
import { POLICY_TYPES, type DenialReason, type PolicyType } from './diagnosis.ts';

/** How a type is spelt in messages besides its own name (`a sessions policy` is the documentation's). */
const SPELLINGS: Readonly<Record<string, PolicyType>> = {
  ...Object.fromEntries(POLICY_TYPES.map((t) => [t.toLowerCase(), t])),
  'sessions policy': 'session policy',
  'trust policy': 'role trust policy',
};

// Longest first, so that `role trust policy` wins over `trust policy`.
const TYPE = Object.keys(SPELLINGS).sort((a, b) => b.length - a.length).join('|');
const ACTION = '[A-Za-z0-9-]+:[A-Za-z0-9*]+';
const IMPLICIT = new RegExp(`because (?:no|the) (${TYPE}) allows the (${ACTION}) action`, 'iy');
const EXPLICIT = new RegExp(`with an explicit deny(?: in (?:a|an|the) (${TYPE}))?(?:: (arn:[^\\s"]+))?(?: transitively through (?:a|an|the) (${TYPE}))?(?=$|[\\s.,;)"'\\]}])`, 'iy');

/** A reason found in a text, and where it ends. */
export interface FoundReason {
  readonly reason: DenialReason;
  readonly start: number;
  readonly end: number;
}

function typeOf(words: string | undefined): PolicyType | null {
  return words === undefined ? null : SPELLINGS[words.toLowerCase()] ?? null;
}

/** The reason that starts exactly at `at`, if one does. */
export function reasonAt(text: string, at: number): FoundReason | undefined {
  IMPLICIT.lastIndex = at;
  let m = IMPLICIT.exec(text);
  if (m) return { reason: { effect: 'implicit', policyType: typeOf(m[1]) }, start: at, end: at + m[0].length };
  EXPLICIT.lastIndex = at;
  m = EXPLICIT.exec(text);
  if (m) {
    const policyArn = m[2]?.replace(/[.,;]+$/, '');
    const through = typeOf(m[3]) ?? undefined;
    return { reason: { effect: 'explicit', policyType: typeOf(m[1]), policyArn, through }, start: at, end: at + m[0].length };
  }
  return undefined;
}

/** The first reason phrase at or after `from`. */
export function findReason(text: string, from = 0): FoundReason | undefined {
  const pattern = /\b(?:because (?:no|the) |with an explicit deny)/gi;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const found = reasonAt(text, m.index);
    if (found) return found;
  }
  return undefined;
}

/** `no identity-based policy allows it` / `an explicit deny in a service control policy`: the reason in words. */
export function reasonWords(reason: DenialReason): string {
  const type = reason.policyType ?? 'policy';
  if (reason.effect === 'explicit') return `an explicit deny in ${reason.policyType ? `${article(type)} ${type}` : 'a policy whose type the message does not name'}`;
  if (reason.effect === 'implicit') return `no ${type} allows it (an implicit deny)`;
  return 'the message does not say which policy denied it';
}

/** `a` or `an` before a policy type. */
export function article(type: string): string {
  return /^[aeiou]/i.test(type) ? 'an' : 'a';
}
