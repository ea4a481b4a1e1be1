/** Test support for the audit trail: waiting for a request's events, written after the response. */
import type { TrailEventRecord } from '../../src/store/trail-records.ts';
import type { TollgateFixture } from '../support/tollgate-fixture.ts';

/** The trail events of `requestId`, once the recorder wrote them (it writes after the response). */
export async function eventsOf(f: TollgateFixture, requestId: string | undefined, count = 1): Promise<TrailEventRecord[]> {
  if (requestId === undefined) throw new Error('the response carried no request id');
  for (let waited = 0; waited < 5000; waited += 20) {
    const events = await f.tollgate.runtime.store.trail.byRequestId(requestId);
    if (events.length >= count) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no trail event for request ${requestId} after 5 s`);
}

/** The CloudTrail event (parsed) of a record. */
export function cloudTrailEvent(record: TrailEventRecord): Record<string, unknown> & { userIdentity: Record<string, unknown> } {
  return JSON.parse(record.event) as Record<string, unknown> & { userIdentity: Record<string, unknown> };
}
