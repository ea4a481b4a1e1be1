/**
 * iam:SimulateCustomPolicy (the IAM policy simulator over policies given in the request), authorized on `*`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { anyResourceCheck, simulateCustomPolicy as run } from '../simulation/simulate-operations.ts';

/** SimulateCustomPolicy. */
export const simulateCustomPolicy = defineOperation('iam', 'SimulateCustomPolicy', {
  authorize: () => anyResourceCheck('iam:SimulateCustomPolicy'),
  handle: async (input, ctx) => run(input, ctx),
});
