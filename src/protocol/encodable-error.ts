// What the error encoders need to know about an error: kernel's AwsError fits this shape.

/** An AWS error ready for the wire; `fields` are extra modeled members (restJson1 bodies, e.g. `clusterName`). */
export interface EncodableError {
  readonly code: string;
  readonly httpStatus: number;
  readonly message: string;
  readonly fault?: 'Sender' | 'Receiver';
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** `Sender` for 4xx, `Receiver` for 5xx unless the error says otherwise (docs/aws-behaviour/wire-protocols.md). */
export function faultOf(error: EncodableError): 'Sender' | 'Receiver' {
  return error.fault ?? (error.httpStatus >= 500 ? 'Receiver' : 'Sender');
}
