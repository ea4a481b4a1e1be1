/** The STS operations Tollgate implements. */
import type { OperationTable } from '../operation.ts';
import { getCallerIdentity } from './get-caller-identity.ts';

export const stsOperations: OperationTable = {
  GetCallerIdentity: getCallerIdentity,
};
