/**
 * A wire protocol's codec: how a request names its operation and carries its input, and how an output or
 * an error is written back. One object per protocol (`awsQuery`, `restJson1`), chosen by the service
 * model's `metadata.protocol` (codecs.ts); the server's pipeline calls these and knows no protocol by
 * name. An awsJson1_0/1_1 codec fits the same interface: it reads the operation from `X-Amz-Target`
 * (`<targetPrefix>.<Operation>`) and the input from an `application/x-amz-json-1.x` body, and writes
 * errors as `{"__type": …, "message": …}`.
 */
import type { WireStructure } from '../kernel/wire-value.ts';
import type { EncodableError } from './encodable-error.ts';
import type { ProtocolResponse } from './http-message.ts';
import type { ServiceModel, WireProtocol } from './service-model.ts';

/** A request as a codec reads it; the body is still bytes, since only the codec knows how to read it. */
export interface CodecRequest {
  readonly method: string;
  /** The raw (still percent-encoded) path, without the query string. */
  readonly path: string;
  /** The raw query string, without the leading `?`. */
  readonly query: string;
  /** Header values keyed by lower-cased name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

/** What decoding found: the operation the request names and its input, typed by the model. */
export interface DecodedCall {
  readonly operation: string;
  readonly input: WireStructure;
}

/**
 * The codes a protocol's services answer with for the failures the server reports itself, rather than an
 * operation: AWS's JSON services name them `…Exception`, its awsQuery services do not.
 */
export interface ServerErrorCodes {
  /** An operation of the model that is not implemented (501). */
  readonly notImplemented: string;
  /** A request IAM authorization denies (403). */
  readonly accessDenied: string;
}

/** A codec bound to one service's model: what it works out from the model (routes, plans) is kept here. */
export interface ServiceCodec {
  readonly errorCodes: ServerErrorCodes;
  /** The operation and input of `request`; throws the protocol's AwsError when it names none or is malformed. */
  decode(request: CodecRequest): DecodedCall;
  /** The response to a successful call of `operation`; `request` tells the protocol's content negotiation. */
  encodeOutput(operation: string, output: WireStructure | undefined, requestId: string, request: CodecRequest): ProtocolResponse;
  /** The response to a failed request, in the protocol's error form. */
  encodeError(error: EncodableError, requestId: string, request: CodecRequest): ProtocolResponse;
}

/** A wire protocol. */
export interface Codec {
  /** The protocol as service models name it in `metadata.protocol`. */
  readonly protocol: WireProtocol;
  /** This codec for the service `model` describes. */
  forService(model: ServiceModel): ServiceCodec;
}
