/**
 * The explanation of a denial from `GET /_tollgate/why/REQUEST_ID` (signed; allowed to callers with
 * cloudtrail:LookupEvents), in the JSON shape of `tollgate why --json`. When this Tollgate does not
 * serve it (yet), the answer says so rather than guessing.
 */
import { signedFetch } from '../aws/signed-fetch.ts';

/** One deciding or missing statement. */
export interface WhyStatement {
  readonly policy: { readonly arn?: string; readonly name?: string; readonly kind?: string; readonly attachedTo?: string };
  readonly sid?: string;
  readonly index?: number;
  readonly effect?: string;
}

/** One change of the verified fix. */
export interface WhyChange {
  readonly kind?: string;
  readonly target?: { readonly type?: string; readonly name?: string; readonly arn?: string };
  readonly statement?: unknown;
  readonly command?: string;
}

/** The explanation, as served. */
export interface WhyExplanation {
  readonly requestId: string;
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
  readonly decision?: string;
  readonly message?: string;
  readonly blockedBy?: readonly string[];
  readonly statements?: readonly WhyStatement[];
  readonly fix?: { readonly verified?: boolean; readonly decisionAfter?: string; readonly changes?: readonly WhyChange[] };
  readonly decisionNow?: string;
}

/** The explanation, or why there is none. */
export type WhyResult = { readonly ok: true; readonly explanation: WhyExplanation } | { readonly ok: false; readonly reason: string };

/** How the why endpoint is signed (the CloudTrail service it belongs with, IAM's Region). */
export const WHY_SIGNING = { service: 'cloudtrail', region: 'us-east-1' } as const;

/** Asks the server why request `requestId` was denied. */
export async function fetchWhy(requestId: string): Promise<WhyResult> {
  let answer;
  try {
    answer = await signedFetch('GET', `/_tollgate/why/${encodeURIComponent(requestId)}`, WHY_SIGNING);
  } catch (error) {
    return { ok: false, reason: `The explanation could not be fetched: ${error instanceof Error ? error.message : String(error)}` };
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  if (answer.status === 200 && typeof body === 'object' && body !== null && 'requestId' in body) return { ok: true, explanation: body as WhyExplanation };
  const fields = typeof body === 'object' && body !== null ? body as Record<string, unknown> : {};
  const code = String(fields['__type'] ?? fields['code'] ?? fields['Code'] ?? /<Code>([^<]*)<\/Code>/.exec(answer.text)?.[1] ?? '').replace(/^.*#/, '');
  const message = String(fields['message'] ?? fields['Message'] ?? /<Message>([^<]*)<\/Message>/.exec(answer.text)?.[1] ?? '').trim();
  // Served, and refused: the caller may not read explanations (they need cloudtrail:LookupEvents).
  if (code === 'AccessDenied' || code === 'AccessDeniedException') return { ok: false, reason: `The explanation is unavailable to you: ${message}` };
  if (code.startsWith('NoSuch') || code === 'ResourceNotFoundException') return { ok: false, reason: `The explanation is unavailable: ${message || 'no record of this request'}` };
  // Anything else is the AWS pipeline answering an address it does not know.
  return { ok: false, reason: `The explanation is unavailable: this Tollgate does not serve GET /_tollgate/why yet (HTTP ${answer.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}). Once it does, this section shows the deciding statements and the verified fix.` };
}
