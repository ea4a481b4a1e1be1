/**
 * iam:SimulatePrincipalPolicy (the IAM policy simulator over a user's, group's or role's policies),
 * authorized on the entity PolicySourceArn names.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { entityCheck, simulatePrincipalPolicy as run } from '../simulation/simulate-operations.ts';

/** SimulatePrincipalPolicy. */
export const simulatePrincipalPolicy = defineOperation('iam', 'SimulatePrincipalPolicy', {
  authorize: (input) => entityCheck('iam:SimulatePrincipalPolicy', input.PolicySourceArn),
  handle: (input, ctx) => run(input, ctx),
});
