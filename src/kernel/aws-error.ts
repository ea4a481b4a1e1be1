/** Extra members of an error's body beside its message (restJson1: `clusterName`, `nodegroupName`, …). */
export type AwsErrorFields = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** What an AwsError carries beyond its code, status and message. */
export interface AwsErrorOptions {
  /** `Sender` for client faults, `Receiver` for server faults (awsQuery's `<Type>`); by default, from the status. */
  readonly fault?: 'Sender' | 'Receiver';
  /** Modeled members of the error's body; the restJson1 encoder writes them beside `message`. */
  readonly fields?: AwsErrorFields;
}

/** An error AWS would return: its wire code, HTTP status and message, and what its body carries beside them. */
export class AwsError extends Error {
  /** `Sender` for client faults, `Receiver` for server faults (awsQuery's `<Type>`). */
  readonly fault: 'Sender' | 'Receiver';
  readonly fields: AwsErrorFields | undefined;

  constructor(readonly code: string, readonly httpStatus: number, message: string, options: AwsErrorOptions = {}) {
    super(message);
    this.name = code;
    this.fault = options.fault ?? (httpStatus >= 500 ? 'Receiver' : 'Sender');
    this.fields = options.fields;
  }
}

/** True when `value` is an AwsError (also across module copies). */
export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}
