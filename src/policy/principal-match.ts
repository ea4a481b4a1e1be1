/**
 * Principal / NotPrincipal matching (docs/aws-behaviour/iam-policy-language.md). A match also says HOW the caller was named, which
 * decides what else must allow the request (docs/aws-behaviour/iam-policy-evaluation.md): `direct` (this user or session by name: nothing
 * else needed in the same account), `grant` (its role, the IAM user behind a federated session, or
 * `*`: identity policy not needed, boundary and session policies still limit), `account` (the account
 * is trusted: its identity policies must also allow).
 */
import type { PrincipalBlock } from './policy-document.ts';
import type { RequestPrincipal } from './request-principal.ts';

/** How a policy's Principal named the caller, weakest first. */
export type PrincipalMatch = 'none' | 'account' | 'grant' | 'direct';

const STRENGTH: Readonly<Record<PrincipalMatch, number>> = { none: 0, account: 1, grant: 2, direct: 3 };

/** The stronger of two matches. */
export function strongerMatch(a: PrincipalMatch, b: PrincipalMatch): PrincipalMatch {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

/** A compiled Principal block. */
export interface PrincipalMatcher {
  /** How `principal` is named by the block. */
  match(principal: RequestPrincipal): PrincipalMatch;
  /** True when every form of the caller is listed, so that NotPrincipal exempts it (docs/aws-behaviour/iam-policy-language.md). */
  exempts(principal: RequestPrincipal): boolean;
}

const ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

/** Compiles a Principal or NotPrincipal block. */
export function compilePrincipals(block: PrincipalBlock): PrincipalMatcher {
  if (block.wildcard || block.AWS.includes('*')) {
    return { match: () => 'grant', exempts: () => true };
  }
  const accounts = new Set<string>();
  const arns = new Set<string>();
  for (const value of block.AWS) {
    if (/^\d{12}$/.test(value)) accounts.add(value);
    else {
      const root = ROOT.exec(value);
      if (root) accounts.add(root[1]!);
      else arns.add(value); // user, role, session, federated-user ARNs and unique ids
    }
  }
  const services = new Set(block.Service.map((s) => s.toLowerCase()));

  const match = (p: RequestPrincipal): PrincipalMatch => {
    switch (p.type) {
      case 'User':
        if (arns.has(p.arn) || (p.uniqueId !== undefined && arns.has(p.uniqueId))) return 'direct';
        return accounts.has(p.accountId) ? 'account' : 'none';
      case 'AssumedRole':
        if (arns.has(p.arn)) return 'direct';
        if (arns.has(p.roleArn) || (p.roleUniqueId !== undefined && arns.has(p.roleUniqueId))) return 'grant';
        return accounts.has(p.accountId) ? 'account' : 'none';
      case 'FederatedUser':
        if (arns.has(p.arn)) return 'direct';
        if (p.userArn !== undefined && arns.has(p.userArn)) return 'grant';
        return accounts.has(p.accountId) ? 'account' : 'none';
      case 'Account':
        return accounts.has(p.accountId) ? 'account' : 'none';
      case 'Service':
        return services.has(p.service.toLowerCase()) ? 'direct' : 'none';
      case 'Anonymous':
        return 'none'; // only `*` names anonymous callers; web-identity and SAML callers are not modelled
    }
  };
  const exempts = (p: RequestPrincipal): boolean => {
    switch (p.type) {
      case 'User': return accounts.has(p.accountId) && arns.has(p.arn);
      case 'AssumedRole': return accounts.has(p.accountId) && arns.has(p.roleArn) && arns.has(p.arn);
      case 'FederatedUser': return accounts.has(p.accountId) && arns.has(p.arn);
      case 'Account': return accounts.has(p.accountId);
      case 'Service': return services.has(p.service.toLowerCase());
      case 'Anonymous': return false;
    }
  };
  return { match, exempts };
}
