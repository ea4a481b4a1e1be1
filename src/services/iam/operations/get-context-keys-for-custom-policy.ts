/**
 * iam:GetContextKeysForCustomPolicy: the condition keys the given policies refer to, authorized on `*`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForCustomPolicy.html
 */
import { defineOperation } from '../../operation.ts';
import { anyResourceCheck, getContextKeysForCustomPolicy as run } from '../simulation/simulate-operations.ts';

/** GetContextKeysForCustomPolicy. */
export const getContextKeysForCustomPolicy = defineOperation('iam', 'GetContextKeysForCustomPolicy', {
  authorize: () => anyResourceCheck('iam:GetContextKeysForCustomPolicy'),
  handle: async (input) => run(input),
});
