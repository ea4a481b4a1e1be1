/** Choices of managed policies and groups for the pickers of the IAM pages. */
import { ListGroupsCommand, ListPoliciesCommand, type Group, type Policy } from '@aws-sdk/client-iam';
import { iam } from './iam-client.ts';

/** Every managed policy the account can attach (AWS managed and customer managed). */
export async function allPolicies(scope: 'All' | 'AWS' | 'Local' = 'All'): Promise<Policy[]> {
  const policies: Policy[] = [];
  let marker: string | undefined;
  do {
    const page = await iam().send(new ListPoliciesCommand({ Scope: scope, Marker: marker, MaxItems: 1000 }));
    policies.push(...(page.Policies ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return policies;
}

/** Every group of the account. */
export async function allGroups(): Promise<Group[]> {
  const groups: Group[] = [];
  let marker: string | undefined;
  do {
    const page = await iam().send(new ListGroupsCommand({ Marker: marker }));
    groups.push(...(page.Groups ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return groups;
}

/** A policy as a picker option. */
export function policyOption(p: Policy): { value: string; label: string; description: string } {
  return { value: p.Arn ?? '', label: p.PolicyName ?? '', description: p.Arn?.startsWith('arn:aws:iam::aws:') ? 'AWS managed' : 'Customer managed' };
}

/** A password that meets AWS's default password rules: 20 characters of all four kinds. */
export function generatedPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*()_+-=[]{}|'];
  const all = sets.join('');
  const random = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % n;
  const chars = sets.map((s) => s[random(s.length)]!);
  while (chars.length < 20) chars.push(all[random(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
