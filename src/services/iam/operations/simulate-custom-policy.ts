/**
 * iam:SimulateCustomPolicy (the IAM policy simulator over policies given in the request), authorized on `*`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { anyResourceCheck, simulateCustomPolicy as run, type SimulateCustomPolicyInput } from '../simulation/simulate-operations.ts';
import type { SimulationResponse } from '../simulation/simulation-request.ts';

/** SimulateCustomPolicy. */
export const simulateCustomPolicy = defineOperation<SimulateCustomPolicyInput, SimulationResponse>({
  readOnly: true,
  authorize: () => anyResourceCheck('iam:SimulateCustomPolicy'),
  handle: async (input, ctx) => run(input, ctx),
});
