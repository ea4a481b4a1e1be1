/**
 * What SimulatePrincipalPolicy and SimulateCustomPolicy share: reading the actions, resources, resource
 * policy, resource owner, caller and context entries of the request, and paging the results (one
 * EvaluationResult per action; MaxItems default 100).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
import type { RequestPrincipal } from '../../../policy/index.ts';
import { readContextEntries, type ContextEntryInput } from '../../../simulator/context-entries.ts';
import { resourceTemplate } from '../../../simulator/arn-templates.ts';
import { simulatedPolicy, type SimulatedPolicy } from '../../../simulator/simulated-policy.ts';
import { Simulation, type SimulationInput } from '../../../simulator/simulation.ts';
import type { EvaluationResult } from '../../../simulator/simulation-result.ts';
import { AwsError } from '../../../kernel/aws-error.ts';
import { invalidInput } from '../shared/iam-errors.ts';
import { paginate } from '../shared/pagination.ts';
import { entityArn, resourceOwnerAccount, simulatedCaller } from './simulation-caller.ts';

/** The members both simulate operations take. */
export interface SimulationRequest {
  readonly ActionNames: readonly string[];
  readonly ResourceArns?: readonly string[];
  readonly ResourcePolicy?: string;
  readonly ResourceOwner?: string;
  readonly CallerArn?: string;
  readonly ContextEntries?: readonly ContextEntryInput[];
  readonly ResourceHandlingOption?: string;
  readonly MaxItems?: number;
  readonly Marker?: string;
}

/** The output of both. */
export interface SimulationResponse {
  readonly EvaluationResults: EvaluationResult[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

const ACTION_NAME = /^[A-Za-z0-9-]+:[A-Za-z0-9]+$/;

/** The policies of one simulation, as the operation gathered them. */
export interface SimulationPolicies {
  readonly identity: readonly SimulatedPolicy[];
  readonly boundary: readonly SimulatedPolicy[];
  readonly organizations: readonly (readonly SimulatedPolicy[])[];
}

/**
 * Runs the simulation `request` asks for over `policies`, as `defaultCaller` unless CallerArn names
 * another; undefined `defaultCaller` means a ResourcePolicy needs a CallerArn.
 */
export function runSimulation(request: SimulationRequest, policies: SimulationPolicies, defaultCaller: RequestPrincipal | undefined, requesterAccount: string): SimulationResponse {
  for (const action of request.ActionNames) {
    if (!ACTION_NAME.test(action)) throw invalidInput(`Invalid action name ${action}: an action name is service:Action, without wildcards.`);
  }
  const callerArn = request.CallerArn === undefined ? undefined : entityArn(request.CallerArn);
  if (request.ResourcePolicy !== undefined && callerArn === undefined && defaultCaller === undefined) {
    throw invalidInput('CallerArn is required when a ResourcePolicy is included in the simulation.');
  }
  const caller = callerArn ? simulatedCaller(callerArn) : defaultCaller ?? placeholderCaller(requesterAccount);
  const input: SimulationInput = {
    ...policies,
    resourcePolicy: request.ResourcePolicy === undefined ? undefined : resourcePolicy(request.ResourcePolicy),
    caller,
    resourceOwner: resourceOwnerAccount(request.ResourceOwner),
    resourceArns: request.ResourceArns && request.ResourceArns.length > 0 ? request.ResourceArns : undefined,
    context: readContextEntries(request.ContextEntries),
    resourceTemplate,
  };
  const page = paginate(request.ActionNames, request);
  const simulation = new Simulation(input);
  return { EvaluationResults: page.items.map((action) => simulation.evaluateAction(action)), IsTruncated: page.IsTruncated, ...(page.Marker ? { Marker: page.Marker } : {}) };
}

/**
 * The resource-based policy: a resource policy, or a role's trust policy (which has no Resource
 * element and is validated by the trust-policy rules).
 */
function resourcePolicy(text: string): SimulatedPolicy {
  try {
    return simulatedPolicy({ id: 'ResourcePolicy', type: 'resource', text, kind: 'resource' });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    try {
      return simulatedPolicy({ id: 'ResourcePolicy', type: 'resource', text, kind: 'trust' });
    } catch {
      throw error;
    }
  }
}

/**
 * SimulateCustomPolicy without CallerArn simulates no particular identity: a user of the requester's
 * account whose name no policy can rely on (the simulated requests carry no keys it would imply).
 */
function placeholderCaller(accountId: string): RequestPrincipal {
  return { type: 'User', accountId, arn: `arn:aws:iam::${accountId}:user/policy-simulator-caller`, name: 'policy-simulator-caller' };
}
