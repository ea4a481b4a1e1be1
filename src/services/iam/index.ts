/** The IAM operations Tollgate implements, by AWS operation name. */
import type { OperationTable } from '../operation.ts';
import { identityOperations } from './identity-operations.ts';
import { roleAndPolicyOperations } from './role-and-policy-operations.ts';
import { simulatorOperations } from './simulator-operations.ts';

export const iamOperations: OperationTable = { ...identityOperations, ...roleAndPolicyOperations, ...simulatorOperations };
