// The codec of each protocol a service model may name. Adding a protocol is its codec, its name in
// `WireProtocol`, and a line here; the pipeline is unchanged.
import type { Codec, ServiceCodec } from './codec.ts';
import { awsJson } from './json/aws-json-codec.ts';
import { awsQuery } from './query/aws-query-codec.ts';
import { restJson1 } from './rest-json/rest-json1-codec.ts';
import type { ServiceModel, WireProtocol } from './service-model.ts';

/** Every protocol a model may name has its codec: a protocol added to `WireProtocol` fails to compile until it does. */
const CODECS: Readonly<Record<WireProtocol, Codec>> = { query: awsQuery, 'rest-json': restJson1, json: awsJson };

/** The codec of the protocol `model` speaks, bound to it. */
export function codecFor(model: ServiceModel): ServiceCodec {
  return CODECS[model.metadata.protocol].forService(model);
}
