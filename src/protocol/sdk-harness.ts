// Test support: a fake SDK v3 `requestHandler` that hands the serialized request to a codec-backed responder,
// so tests check that real AWS SDK clients parse what our encoders write. Not used at run time.
import { Readable } from 'node:stream';
import { isAwsError } from '../kernel/aws-error.ts';
import type { ProtocolRequest, ProtocolResponse } from './http-message.ts';
import { decodeQueryCall, queryParameters } from './query/query-decoder.ts';
import { encodeQueryOutput, queryResponseFormat } from './query/query-encoder.ts';
import { encodeQueryError } from './query/query-error.ts';
import { decodeRestJsonCall } from './rest-json/rest-json-decoder.ts';
import { encodeRestJsonError, encodeRestJsonOutput } from './rest-json/rest-json-encoder.ts';
import { RouteTable } from './rest-json/route-table.ts';
import type { ServiceModel } from './service-model.ts';
import { assertValidInput } from './validation/validation-message.ts';
import type { WireStructure } from '../kernel/wire-value.ts';

/** The request id every fake response carries. */
export const REQUEST_ID = '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE';

/** A stand-in for the service layer: the output for a decoded, validated call (or a thrown AwsError). */
export type FakeService = (operation: string, input: WireStructure) => WireStructure | undefined;

/** The parts of the SDK's HttpRequest we read. */
interface SdkRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | readonly string[] | null | undefined>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** The HttpResponse the SDK expects (it checks the shape, not the class, so no @smithy import is needed). */
interface SdkResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Readable;
}

/** Turns the SDK's request into the codecs' view of it (raw query string, lower-cased headers, text body). */
export function toProtocolRequest(request: SdkRequest): ProtocolRequest {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (typeof value === 'string') query.append(key, value);
    else if (Array.isArray(value)) for (const v of value) query.append(key, v);
    else if (value === null) query.append(key, '');
  }
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? Buffer.from(request.body).toString('utf8') : '';
  return { method: request.method, path: request.path, query: query.toString(), headers, body };
}

/** A request handler answering every request with `respond`, remembering the requests it saw. */
export function fakeRequestHandler(respond: (request: ProtocolRequest) => ProtocolResponse): {
  readonly requestHandler: { handle(request: SdkRequest): Promise<{ response: SdkResponse }> };
  readonly requests: ProtocolRequest[];
} {
  const requests: ProtocolRequest[] = [];
  const requestHandler = {
    async handle(request: SdkRequest): Promise<{ response: SdkResponse }> {
      const seen = toProtocolRequest(request);
      requests.push(seen);
      const answer = respond(seen);
      const body = Readable.from([Buffer.from(answer.body, 'utf8')]);
      return { response: { statusCode: answer.status, headers: { ...answer.headers }, body } };
    },
  };
  return { requestHandler, requests };
}

/** Client configuration for a fake endpoint: fixed region and credentials, no retries. */
export function fakeClientConfig(requestHandler: ReturnType<typeof fakeRequestHandler>['requestHandler']) {
  return {
    region: 'us-east-1',
    endpoint: 'http://localhost:4566',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler,
  };
}

/** decode → validate → service → encode for an awsQuery service, errors included: the pipeline in miniature. */
export function queryResponder(model: ServiceModel, service: FakeService): (request: ProtocolRequest) => ProtocolResponse {
  return (request) => {
    const format = queryResponseFormat(request.headers.accept);
    try {
      const call = decodeQueryCall(model, queryParameters(request.body, request.query));
      assertValidInput(model, call.operation, call.input);
      return encodeQueryOutput(model, call.operation, service(call.operation, call.input), REQUEST_ID, format);
    } catch (error) {
      if (!isAwsError(error)) throw error;
      return encodeQueryError(model, error, REQUEST_ID, format);
    }
  };
}

/** The same for a restJson1 service. */
export function restJsonResponder(model: ServiceModel, service: FakeService): (request: ProtocolRequest) => ProtocolResponse {
  const routes = new RouteTable(model);
  return (request) => {
    try {
      const call = decodeRestJsonCall(model, routes, request);
      assertValidInput(model, call.operation, call.input);
      return encodeRestJsonOutput(model, call.operation, service(call.operation, call.input), REQUEST_ID);
    } catch (error) {
      if (!isAwsError(error)) throw error;
      return encodeRestJsonError(model, error, REQUEST_ID);
    }
  };
}
