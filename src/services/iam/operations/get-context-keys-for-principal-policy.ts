/**
 * iam:GetContextKeysForPrincipalPolicy (the IAM policy simulator), authorized on the user, group or role PolicySourceArn names.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForPrincipalPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { entityCheck, getContextKeysForPrincipalPolicy as run, type GetContextKeysForPrincipalPolicyInput } from '../simulation/simulate-operations.ts';

/** GetContextKeysForPrincipalPolicy. */
export const getContextKeysForPrincipalPolicy = defineOperation<GetContextKeysForPrincipalPolicyInput, Awaited<ReturnType<typeof run>>>({
  readOnly: true,
  authorize: (input) => entityCheck('iam:GetContextKeysForPrincipalPolicy', input.PolicySourceArn),
  handle: (input, ctx) => run(input, ctx),
});
