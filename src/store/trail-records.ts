/**
 * The audit trail as the Store keeps it: one record per CloudTrail event (in the account that records
 * it), the event itself as CloudTrail's JSON text, the columns LookupEvents filters on, and what the
 * authorizer decided (for `tollgate why`). Secrets never reach a record: the event builder leaves them
 * out before anything is stored (trail/recorded-parameters.ts).
 */

/** One resource an event names, as LookupEvents lists it (`AWS::IAM::User`, `bob`). */
export interface TrailResource {
  readonly type: string;
  readonly name: string;
}

/** One stored event. */
export interface TrailEventRecord {
  /** The account that records the event (CloudTrail's `recipientAccountId`). */
  readonly accountId: string;
  /** The Region the event is recorded in (IAM's in us-east-1). */
  readonly region: string;
  readonly eventId: string;
  readonly requestId: string;
  readonly eventTime: Date;
  readonly eventName: string;
  readonly eventSource: string;
  /** LookupEvents' `Username`: the user, the role session, `root`. */
  readonly username: string | undefined;
  readonly accessKeyId: string | undefined;
  readonly readOnly: boolean;
  readonly resources: readonly TrailResource[];
  /** The CloudTrail event, as `CloudTrailEvent` text. */
  readonly event: string;
  /** The authorizer's decision, as JSON text (`trail/decision-record.ts`); undefined when nothing was decided. */
  readonly decision: string | undefined;
}

/** The attributes LookupEvents looks events up by. */
export type TrailAttributeKey = 'EventId' | 'EventName' | 'ReadOnly' | 'Username' | 'ResourceType' | 'ResourceName' | 'EventSource' | 'AccessKeyId';

/** A page of events to look up, newest first. */
export interface TrailQuery {
  readonly accountId: string;
  readonly region: string;
  readonly attribute?: { readonly key: TrailAttributeKey; readonly value: string } | undefined;
  /** Inclusive bounds. */
  readonly startTime?: Date | undefined;
  readonly endTime?: Date | undefined;
  readonly limit: number;
  /** Continue after this event (from the previous page's last). */
  readonly after?: TrailCursor | undefined;
}

/** Where a page ended: events strictly older (by time, then by order of recording) come next. */
export interface TrailCursor {
  readonly time: number;
  readonly seq: number;
}

/** A found event and its place, for the next page's cursor. */
export interface TrailHit {
  readonly record: TrailEventRecord;
  readonly cursor: TrailCursor;
}

/** How much of the trail a batch leaves: the newest `keep` events. */
export interface TrailRetention {
  readonly keep: number;
}
