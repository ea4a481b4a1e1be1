/** The STS operations Tollgate implements. */
import type { OperationTable } from '../operation.ts';
import { assumeRole } from './assume-role.ts';
import { getCallerIdentity } from './get-caller-identity.ts';
import { getFederationToken } from './get-federation-token.ts';
import { getSessionToken } from './get-session-token.ts';

export const stsOperations: OperationTable = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
  GetFederationToken: getFederationToken,
};
