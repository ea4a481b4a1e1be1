/** The STS operations Tollgate implements, by AWS operation name; every other STS operation answers NotImplemented. */
import type { OperationTable } from '../operation.ts';
import { assumeRole } from './operations/assume-role.ts';
import { getCallerIdentity } from './operations/get-caller-identity.ts';
import { getFederationToken } from './operations/get-federation-token.ts';
import { getSessionToken } from './operations/get-session-token.ts';

export const stsOperations: OperationTable<'sts'> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetFederationToken: getFederationToken,
  GetSessionToken: getSessionToken,
};
