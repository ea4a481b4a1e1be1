/** The EKS operations Tollgate implements (issue #4: none yet; every EKS call answers NotImplementedException). */
import type { OperationTable } from '../operation.ts';

export const eksOperations: OperationTable = {};
