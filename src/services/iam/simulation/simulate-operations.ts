/**
 * The IAM policy simulator's four operations, written once for whichever operation layout declares
 * them: the checks AWS makes (the principal operations on the entity named by PolicySourceArn, the
 * custom ones on `*`) and the handlers.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 */
import type { AuthorizationCheck, OperationContext, OperationInput } from '../../operation.ts';
import { contextKeysOf } from '../../../simulator/context-keys.ts';
import { inputPolicies, simulatedPolicy, type SimulatedPolicy } from '../../../simulator/simulated-policy.ts';
import { invalidInput } from '../shared/iam-errors.ts';
import { principalPolicies } from './principal-policies.ts';
import { readExclusions } from './policy-exclusions.ts';
import { entityArn, simulatedCaller } from './simulation-caller.ts';
import { runSimulation, type SimulationResponse } from './simulation-request.ts';

/** SimulatePrincipalPolicy's input, as the model types it. */
export type SimulatePrincipalPolicyInput = OperationInput<'iam', 'SimulatePrincipalPolicy'>;

/** SimulateCustomPolicy's input, as the model types it. */
export type SimulateCustomPolicyInput = OperationInput<'iam', 'SimulateCustomPolicy'>;

/** GetContextKeysForPrincipalPolicy's input, as the model types it. */
export type GetContextKeysForPrincipalPolicyInput = OperationInput<'iam', 'GetContextKeysForPrincipalPolicy'>;

/** Both GetContextKeys operations answer this. */
export interface GetContextKeysResponse {
  readonly ContextKeyNames: string[];
}

/** The check of an operation on the entity named by PolicySourceArn. */
export function entityCheck(action: string, policySourceArn: string): readonly AuthorizationCheck[] {
  return [{ action, resource: policySourceArn }];
}

/** The check of an operation on no resource. */
export function anyResourceCheck(action: string): readonly AuthorizationCheck[] {
  return [{ action, resource: '*' }];
}

/** SimulatePrincipalPolicy: the entity's policies and its account's SCPs, plus those given, as the entity or as CallerArn. */
export async function simulatePrincipalPolicy(input: SimulatePrincipalPolicyInput, ctx: OperationContext): Promise<SimulationResponse> {
  const entity = entityArn(input.PolicySourceArn);
  const exclusions = readExclusions(input.PolicyExclusionList);
  const given = inputPolicies('PolicyInputList', input.PolicyInputList, 'identity');
  const givenBoundary = boundaryInput(input.PermissionsBoundaryPolicyInputList);
  const own = await principalPolicies(ctx, entity, exclusions);
  // The SCPs in effect for the entity's account, one organization level (none: the account is unrestricted).
  const scps = exclusions.some((e) => e.by === 'type' && e.type === 'scp') ? [] : await accountScpPolicies(ctx, entity.accountId);
  return runSimulation(
    input,
    { identity: [...own.identity, ...given], boundary: givenBoundary ?? own.boundary, organizations: scps.length > 0 ? [scps] : [] },
    simulatedCaller(entity),
    ctx.caller.accountId,
  );
}

/** SimulateCustomPolicy: only the policies given. */
export function simulateCustomPolicy(input: SimulateCustomPolicyInput, ctx: OperationContext): SimulationResponse {
  const organizations = (input.OrderedOrganizationPolicyInputList ?? []).map((level, i) =>
    inputPolicies(`OrderedOrganizationPolicyInputList.${i + 1}.ServiceControlPolicyInputList`, level.ServiceControlPolicyInputList, 'scp'),
  );
  return runSimulation(
    input,
    { identity: inputPolicies('PolicyInputList', input.PolicyInputList, 'identity'), boundary: boundaryInput(input.PermissionsBoundaryPolicyInputList) ?? [], organizations },
    undefined,
    ctx.caller.accountId,
  );
}

/** GetContextKeysForPrincipalPolicy: the keys of the entity's identity policies and of those given. */
export async function getContextKeysForPrincipalPolicy(input: GetContextKeysForPrincipalPolicyInput, ctx: OperationContext): Promise<GetContextKeysResponse> {
  const entity = entityArn(input.PolicySourceArn);
  const own = await principalPolicies(ctx, entity);
  return keysOf([...own.identity, ...inputPolicies('PolicyInputList', input.PolicyInputList, 'identity')]);
}

/** GetContextKeysForCustomPolicy: the keys of the policies given. */
export function getContextKeysForCustomPolicy(input: { readonly PolicyInputList: readonly string[] }): GetContextKeysResponse {
  return keysOf(inputPolicies('PolicyInputList', input.PolicyInputList, 'identity'));
}

function keysOf(policies: readonly SimulatedPolicy[]): GetContextKeysResponse {
  return { ContextKeyNames: contextKeysOf(policies.map((p) => p.document)) };
}

/** The service control policies the account has (`tollgate accounts scp`), as the simulator reads them. */
async function accountScpPolicies(ctx: OperationContext, accountId: string): Promise<SimulatedPolicy[]> {
  return (await ctx.store.serviceControlPolicies.list(accountId)).map((p) => simulatedPolicy({ id: p.name, type: 'none', text: p.document, kind: 'scp' }));
}

/** The boundary given in the request, if any: AWS takes one. */
function boundaryInput(texts: readonly string[] | undefined): SimulatedPolicy[] | undefined {
  if (texts === undefined || texts.length === 0) return undefined;
  if (texts.length > 1) throw invalidInput('Only one permissions boundary policy can be included in a simulation.');
  return inputPolicies('PermissionsBoundaryPolicyInputList', texts, 'boundary');
}
