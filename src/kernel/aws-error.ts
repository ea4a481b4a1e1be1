/** An error AWS would return: its wire code, HTTP status and message (DESIGN.md, "The request pipeline"). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    /** `Sender` for client faults, `Receiver` for server faults (awsQuery's `<Type>`). */
    readonly fault: 'Sender' | 'Receiver' = httpStatus >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

/** True when `value` is an AwsError (also across module copies). */
export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}
