/** What the console shows of a failed AWS call: the SDK error's code, exact message and request id. */

/** A failed call, as shown. */
export interface ShownError {
  /** The AWS error code (`AccessDenied`, `AccessDeniedException`, `MalformedPolicyDocument`, ...). */
  readonly code: string;
  /** The message exactly as the service sent it (the SDK error's `message`). */
  readonly message: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
}

/** The codes that mean a policy decided against the caller. */
const DENIALS = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

/** True when `error` is an authorization denial (then the console offers its explanation). */
export function isDenial(error: ShownError): boolean {
  return DENIALS.has(error.code);
}

/** Reads what an SDK (or any) error says. */
export function shownError(error: unknown): ShownError {
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; Code?: unknown; message?: unknown; $metadata?: { requestId?: unknown; httpStatusCode?: unknown } };
    const code = typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : 'Error';
    return {
      code,
      message: typeof e.message === 'string' ? e.message : String(error),
      requestId: typeof e.$metadata?.requestId === 'string' ? e.$metadata.requestId : undefined,
      httpStatus: typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined,
    };
  }
  return { code: 'Error', message: String(error), requestId: undefined, httpStatus: undefined };
}
