/** The CloudTrail operations Tollgate implements, by AWS operation name; every other CloudTrail operation answers UnsupportedOperationException (501). */
import type { OperationTable } from '../operation.ts';
import { lookupEvents } from './operations/lookup-events.ts';

export const cloudtrailOperations: OperationTable<'cloudtrail'> = {
  LookupEvents: lookupEvents,
};
