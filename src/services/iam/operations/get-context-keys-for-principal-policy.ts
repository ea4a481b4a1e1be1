/**
 * iam:GetContextKeysForPrincipalPolicy: the condition keys a user's, group's or role's policies (and
 * those given) refer to, authorized on the entity PolicySourceArn names.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForPrincipalPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { entityCheck, getContextKeysForPrincipalPolicy as run } from '../simulation/simulate-operations.ts';

/** GetContextKeysForPrincipalPolicy. */
export const getContextKeysForPrincipalPolicy = defineOperation('iam', 'GetContextKeysForPrincipalPolicy', {
  authorize: (input) => entityCheck('iam:GetContextKeysForPrincipalPolicy', input.PolicySourceArn),
  handle: (input, ctx) => run(input, ctx),
});
