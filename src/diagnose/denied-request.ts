/**
 * The request a denial describes, in the terms fixes are written in: who (classified), the resource as
 * an ARN a policy can name (IAM's word forms `role NAME` and `user NAME` turned back into ARNs), whose
 * account owns it, whether the call crossed accounts, and where a passed role goes.
 */
import type { ParsedDenial } from './diagnosis.ts';
import { passedToByOperation, passedToByRolePath, type PassedTo } from './passed-to-service.ts';
import { principalParts, type PrincipalParts } from './principal-arn.ts';

/** The denied request, resolved. */
export interface DeniedRequest {
  readonly denial: ParsedDenial;
  readonly principal: PrincipalParts | undefined;
  /** The resource as a policy's Resource element names it; `*` when the text gives no ARN. */
  readonly policyResource: string;
  /** True when `policyResource` had to be widened or guessed from the text. */
  readonly resourceGuessed: boolean;
  readonly resourceAccount: string | null;
  /** Caller and resource in different (known) accounts. */
  readonly crossAccount: boolean;
  readonly passedTo: PassedTo | undefined;
}

/** The account field of an ARN, when it is a real account id. */
export function arnAccount(arn: string): string | null {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : null;
}

function resolveResource(d: ParsedDenial, p: PrincipalParts | undefined): { resource: string; guessed: boolean } {
  const partition = p?.partition ?? 'aws';
  const account = p?.account;
  if (d.resource?.startsWith('arn:')) return { resource: d.resource, guessed: false };
  const words = d.resource ? /^(role|user|group|policy) (\S+)$/.exec(d.resource) : null;
  if (words && account) return { resource: `arn:${partition}:iam::${account}:${words[1]}/${words[2]}`, guessed: false };
  // iam:PassRole is always on a role: without the role's name, all roles of the caller's account.
  if (d.action?.toLowerCase() === 'iam:passrole' && account) return { resource: `arn:${partition}:iam::${account}:role/*`, guessed: true };
  return { resource: '*', guessed: true };
}

/** Resolves a parsed denial; `passedTo` overrides what the text tells of a passed role's service. */
export function deniedRequest(denial: ParsedDenial, passedTo?: PassedTo): DeniedRequest {
  const principal = denial.principal ? principalParts(denial.principal) : undefined;
  const { resource, guessed } = resolveResource(denial, principal);
  const resourceAccount = resource.startsWith('arn:') && !guessed ? arnAccount(resource) : null;
  const callerAccount = principal?.account ?? null;
  const isPassRole = denial.action?.toLowerCase() === 'iam:passrole';
  return {
    denial,
    principal,
    policyResource: resource,
    resourceGuessed: guessed,
    resourceAccount,
    crossAccount: callerAccount !== null && resourceAccount !== null && callerAccount !== resourceAccount,
    passedTo: isPassRole ? passedTo ?? passedToByOperation(denial.operation, denial.service) ?? passedToByRolePath(denial.resource) : undefined,
  };
}
