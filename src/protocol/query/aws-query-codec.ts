// The awsQuery codec (IAM, STS): form-encoded parameters in, XML (or JSON, when the client accepts only
// JSON) out. https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
import type { Codec, CodecRequest, ServiceCodec } from '../codec.ts';
import type { ServiceModel } from '../service-model.ts';
import { decodeQueryCall, queryParameters } from './query-decoder.ts';
import { encodeQueryOutput, queryResponseFormat } from './query-encoder.ts';
import { encodeQueryError } from './query-error.ts';

/** awsQuery: `Action=…&Version=…` in a POST body or the query string. */
export const awsQuery: Codec = {
  protocol: 'query',
  forService: (model: ServiceModel): ServiceCodec => ({
    errorCodes: { notImplemented: 'NotImplemented', accessDenied: 'AccessDenied' },
    decode: (request) => decodeQueryCall(model, queryParameters(formBody(request), request.query)),
    encodeOutput: (operation, output, requestId, request) => encodeQueryOutput(model, operation, output, requestId, queryResponseFormat(request.headers.accept)),
    encodeError: (error, requestId, request) => encodeQueryError(model, error, requestId, queryResponseFormat(request.headers.accept)),
  }),
};

/** A POST's body holds parameters; any other method's are in the query string alone. */
function formBody(request: CodecRequest): string {
  return request.method === 'POST' ? request.body.toString('utf8') : '';
}
