// The restJson1 codec (EKS): the operation from the method and path, its input from URI labels, query
// string, headers and JSON body; JSON out, errors named by `x-amzn-ErrorType`.
// https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
import type { Codec, ServiceCodec } from '../codec.ts';
import type { ServiceModel } from '../service-model.ts';
import { decodeRestJsonCall } from './rest-json-decoder.ts';
import { encodeRestJsonError, encodeRestJsonOutput } from './rest-json-encoder.ts';
import { RouteTable } from './route-table.ts';

/** restJson1: HTTP bindings from the model's `http` traits. */
export const restJson1: Codec = {
  protocol: 'rest-json',
  forService: (model: ServiceModel): ServiceCodec => {
    // Made on the service's first request, not at start-up.
    let routes: RouteTable | undefined;
    return {
      errorCodes: { notImplemented: 'NotImplementedException', accessDenied: 'AccessDeniedException' },
      decode: (request) => decodeRestJsonCall(model, (routes ??= new RouteTable(model)), {
        method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body.toString('utf8'),
      }),
      encodeOutput: (operation, output, requestId) => encodeRestJsonOutput(model, operation, output, requestId),
      encodeError: (error, requestId) => encodeRestJsonError(model, error, requestId),
    };
  },
};
