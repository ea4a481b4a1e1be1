/** The IAM policy simulator's operations. */
import type { OperationTable } from '../operation.ts';
import { getContextKeysForCustomPolicy } from './operations/get-context-keys-for-custom-policy.ts';
import { getContextKeysForPrincipalPolicy } from './operations/get-context-keys-for-principal-policy.ts';
import { simulateCustomPolicy } from './operations/simulate-custom-policy.ts';
import { simulatePrincipalPolicy } from './operations/simulate-principal-policy.ts';

/** SimulatePrincipalPolicy, SimulateCustomPolicy and the two GetContextKeys operations, by AWS operation name. */
export const simulatorOperations: OperationTable = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
  GetContextKeysForPrincipalPolicy: getContextKeysForPrincipalPolicy,
  GetContextKeysForCustomPolicy: getContextKeysForCustomPolicy,
};
