/**
 * The policy JSON of fixes: an identity-style document (identity, boundary, session, SCP), a
 * resource-based policy or trust policy naming the caller, and, for an explicit deny, the shape of the
 * Deny statement to find (a bare statement, not a document, so it cannot be applied by mistake).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import type { JsonMap } from './diagnosis.ts';

/** The Sid every suggested statement carries, so it can be found and removed later. */
export const FIX_SID = 'TollgateDiagnose';

/** A statement's Principal element. */
export type PrincipalElement = { readonly AWS: string } | { readonly Service: string } | { readonly Federated: string } | '*';

/** What a suggested statement allows. */
export interface Grant {
  readonly action: string;
  readonly resource: string;
  readonly condition?: JsonMap | undefined;
}

function document(statement: JsonMap): JsonMap {
  return { Version: '2012-10-17', Statement: [statement] };
}

function withCondition(statement: JsonMap, condition: JsonMap | undefined): JsonMap {
  return condition === undefined ? statement : { ...statement, Condition: condition };
}

/** An identity-based policy, permissions boundary, session policy or SCP that allows `grant`. */
export function allowDocument(grant: Grant): JsonMap {
  return document(withCondition({ Sid: FIX_SID, Effect: 'Allow', Action: grant.action, Resource: grant.resource }, grant.condition));
}

/** A resource-based policy statement (in a document) letting `principal` do `grant`. */
export function resourceDocument(principal: PrincipalElement, grant: Grant): JsonMap {
  return document(withCondition({ Sid: FIX_SID, Effect: 'Allow', Principal: principal, Action: grant.action, Resource: grant.resource }, grant.condition));
}

/** A role trust policy letting `principal` assume the role with `action`. */
export function trustDocument(principal: PrincipalElement, action: string, condition?: JsonMap): JsonMap {
  return document(withCondition({ Sid: FIX_SID, Effect: 'Allow', Principal: principal, Action: action }, condition));
}

/** The Deny statement to look for: what it must match for the request to have been denied. */
export function denyPattern(action: string, resource: string, principal?: PrincipalElement): JsonMap {
  return principal === undefined ? { Effect: 'Deny', Action: action, Resource: resource } : { Effect: 'Deny', Principal: principal, Action: action, Resource: resource };
}

/** `iam:PassedToService` as a condition. */
export function passedToCondition(service: string): JsonMap {
  return { StringEquals: { 'iam:PassedToService': service } };
}

/** AWS's managed RCP that every level of an organization with RCPs enabled starts with. */
export const RCP_FULL_AWS_ACCESS: JsonMap = document({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
