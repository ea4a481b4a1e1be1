/**
 * The body of an AWS denial: `User: <principal> is not authorized to perform: <action> [on resource:
 * <resource>] [<reason>]` in its variants (no colon after "perform", no `User:` at all as in STS's
 * `Not authorized to perform sts:AssumeRoleWithWebIdentity`, a quoted S3 resource, IAM's word forms
 * such as `role TestReadOnly`), EC2's `You are not authorized to perform this operation` with its
 * encoded message, and the messages that deny without naming an action (S3's `Access Denied`, KMS's
 * ciphertext message). Works on canonical text (denial-text.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
import type { DenialReason } from './diagnosis.ts';
import { findReason, reasonAt } from './reason-phrase.ts';

/** What a message body says. */
export interface MessageParts {
  readonly principal: string | null;
  readonly action: string | null;
  readonly resource: string | null;
  readonly reason: DenialReason;
  readonly encodedMessage: string | null;
  readonly detail: string | null;
}

const NO_REASON: DenialReason = { effect: null, policyType: null };
const NOT_AUTHORIZED = /\b(?:is )?not authorized to perform:? ?/gi;
const ACTION = /^([A-Za-z0-9-]+:[A-Za-z0-9*]+)/;
/** Where a resource written in words ends when no reason follows it. */
const RESOURCE_END = [' (Service:', ' status code:', '. Encoded authorization failure message', '. Go to https://', '"', ' Encoded authorization failure message'];
const DETAILS: readonly RegExp[] = [
  /The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access\./,
  /You are not authorized to perform this operation\./,
  /\bAccess Denied\b/,
  /\bAccess denied\b/,
];

/** A printed principal worth keeping: an ARN (even a masked one), `anonymous` or a service principal, never a placeholder. */
function principalText(text: string): string | null {
  const t = text.trim();
  if (/^arn:\S+$/.test(t) || t === 'anonymous' || /^[a-z0-9.-]+\.amazonaws\.com$/.test(t)) return t;
  return null;
}

/**
 * An ARN token without what closes the text around it: quotes and brackets always, punctuation only
 * where a sentence or a log field ends (the text goes on with a capital or a symbol, or stops), since
 * IAM names may end in `.` (`role/app.` followed by ` because ...`).
 */
function trimArn(token: string, after: string): string {
  const sentenceEnds = after === '' || !/^[a-z]/.test(after);
  let t = token;
  for (;;) {
    const last = t.at(-1) ?? '';
    if (')]}\'"'.includes(last) && last !== '') t = t.slice(0, -1);
    else if ('.,;:'.includes(last) && last !== '' && sentenceEnds) t = t.slice(0, -1);
    else return t;
  }
}

/** The resource after `on resource: ` at `at`, and where it ends. */
function resourceAt(text: string, at: number): { resource: string; end: number } {
  if (text[at] === '"') {
    const close = text.indexOf('"', at + 1);
    if (close > at) return { resource: text.slice(at + 1, close), end: close + 1 };
  }
  if (text.startsWith('arn:', at)) {
    const space = text.indexOf(' ', at);
    const end = space < 0 ? text.length : space;
    return { resource: trimArn(text.slice(at, end), text.slice(end + 1)), end };
  }
  let end = text.length;
  const reason = findReason(text, at);
  if (reason) end = reason.start;
  for (const marker of RESOURCE_END) {
    const i = text.indexOf(marker, at);
    if (i >= 0 && i < end) end = i;
  }
  return { resource: text.slice(at, end).trim().replace(/[.,;]+$/, ''), end };
}

/** The `is not authorized to perform` sentence that names an action, read in full. */
function notAuthorized(text: string): Omit<MessageParts, 'encodedMessage' | 'detail'> | undefined {
  NOT_AUTHORIZED.lastIndex = 0;
  for (let m = NOT_AUTHORIZED.exec(text); m; m = NOT_AUTHORIZED.exec(text)) {
    let pos = m.index + m[0].length;
    const action = ACTION.exec(text.slice(pos, pos + 200))?.[1];
    if (action === undefined) continue;
    pos += action.length;
    const userAt = text.lastIndexOf('User: ', m.index);
    const principal = userAt >= 0 ? principalText(text.slice(userAt + 6, m.index)) : null;
    let resource: string | null = null;
    if (text.startsWith(' on resource: ', pos)) {
      const found = resourceAt(text, pos + ' on resource: '.length);
      resource = found.resource || null;
      pos = found.end;
    }
    while (text[pos] === ' ') pos++;
    const reason = reasonAt(text, pos)?.reason ?? NO_REASON;
    return { principal, action, resource, reason };
  }
  return undefined;
}

/** Reads the message body of a canonical denial text. */
export function readMessage(text: string): MessageParts {
  const sentence = notAuthorized(text);
  const encodedMessage = /Encoded authorization failure message: ?([A-Za-z0-9_-]{8,})/.exec(text)?.[1] ?? null;
  const detail = DETAILS.map((d) => d.exec(text)?.[0]).find((d) => d !== undefined) ?? null;
  return {
    principal: sentence?.principal ?? null,
    action: sentence?.action ?? null,
    resource: sentence?.resource ?? null,
    reason: sentence?.reason ?? NO_REASON,
    encodedMessage,
    detail: sentence ? null : detail,
  };
}
