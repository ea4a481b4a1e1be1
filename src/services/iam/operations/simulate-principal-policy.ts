/**
 * iam:SimulatePrincipalPolicy (the IAM policy simulator), authorized on the user, group or role PolicySourceArn names.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { entityCheck, simulatePrincipalPolicy as run, type SimulatePrincipalPolicyInput } from '../simulation/simulate-operations.ts';

/** SimulatePrincipalPolicy. */
export const simulatePrincipalPolicy = defineOperation<SimulatePrincipalPolicyInput, Awaited<ReturnType<typeof run>>>({
  readOnly: true,
  authorize: (input) => entityCheck('iam:SimulatePrincipalPolicy', input.PolicySourceArn),
  handle: (input, ctx) => run(input, ctx),
});
