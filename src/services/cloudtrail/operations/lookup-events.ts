/**
 * cloudtrail:LookupEvents: the account's management events in the Region of the call, newest first,
 * from the audit trail (server/trail-recorder.ts). One lookup attribute (CloudTrail honours only the
 * first of several), StartTime/EndTime, MaxResults 1–50 (default 50: the model's range check answers
 * ValidationException above it), NextToken bound to the parameters. Events of IAM and of STS's global
 * endpoint are recorded in us-east-1, so they are looked up there.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */
import { AwsError } from '../../../kernel/aws-error.ts';
import type { Event } from '../../../model-types/cloudtrail.ts';
import type { TrailAttributeKey, TrailHit } from '../../../store/trail-records.ts';
import { defineOperation } from '../../operation.ts';
import { cursorOf, nextToken, parametersDigest } from '../events/lookup-token.ts';

/** LookupEvents' default and largest page. */
const MAX_RESULTS = 50;

function event(hit: TrailHit): Event {
  const r = hit.record;
  return {
    EventId: r.eventId,
    EventName: r.eventName,
    ReadOnly: String(r.readOnly),
    ...(r.accessKeyId !== undefined ? { AccessKeyId: r.accessKeyId } : {}),
    EventTime: r.eventTime,
    EventSource: r.eventSource,
    ...(r.username !== undefined ? { Username: r.username } : {}),
    Resources: r.resources.map((resource) => ({ ResourceType: resource.type, ResourceName: resource.name })),
    CloudTrailEvent: r.event,
  };
}

export const lookupEvents = defineOperation('cloudtrail', 'LookupEvents', {
  // LookupEvents has no resource type: the denial names no resource.
  authorize: () => [{ action: 'cloudtrail:LookupEvents', resource: '*', messageResource: '' }],
  handle: async (input, ctx) => {
    const attribute = input.LookupAttributes?.[0];
    if (attribute?.AttributeKey === 'ReadOnly' && attribute.AttributeValue !== 'true' && attribute.AttributeValue !== 'false') {
      throw new AwsError('InvalidLookupAttributesException', 400, 'Occurs when a lookup attribute is specified that is not valid.');
    }
    if (input.StartTime !== undefined && input.EndTime !== undefined && input.StartTime.getTime() > input.EndTime.getTime()) {
      throw new AwsError('InvalidTimeRangeException', 400, 'Occurs if the timestamp values are not valid. Either the start time occurs after the end time, or the time range is outside the range of possible values.');
    }
    const limit = input.MaxResults ?? MAX_RESULTS;
    const digest = parametersDigest([attribute?.AttributeKey, attribute?.AttributeValue, input.StartTime?.getTime(), input.EndTime?.getTime(), input.EventCategory, limit]);
    const after = input.NextToken === undefined ? undefined : cursorOf(input.NextToken, digest);
    // Tollgate records management events only: there are no Insights events to look up.
    if (input.EventCategory === 'insight') return { Events: [] };
    const key: TrailAttributeKey | undefined = attribute?.AttributeKey;
    const hits = await ctx.store.trail.lookup({
      accountId: ctx.caller.accountId, region: ctx.region, attribute: key === undefined ? undefined : { key, value: attribute!.AttributeValue },
      startTime: input.StartTime, endTime: input.EndTime, limit: limit + 1, after,
    });
    const page = hits.slice(0, limit);
    const more = hits.length > limit;
    return { Events: page.map(event), ...(more ? { NextToken: nextToken(page[page.length - 1]!.cursor, digest) } : {}) };
  },
});
