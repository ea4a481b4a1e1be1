// The codec of each protocol a service model may name. Adding a protocol is its codec, its name in
// `WireProtocol`, and a line here; the pipeline is unchanged.
import type { Codec, ServiceCodec } from './codec.ts';
import { awsJson } from './json/aws-json-codec.ts';
import { awsQuery } from './query/aws-query-codec.ts';
import { restJson1 } from './rest-json/rest-json1-codec.ts';
import type { ServiceModel, WireProtocol } from './service-model.ts';

/** The protocols Tollgate serves. */
const CODECS: Readonly<Partial<Record<WireProtocol, Codec>>> = { query: awsQuery, 'rest-json': restJson1, json: awsJson };

/** The codec of the protocol `model` speaks, bound to it; a protocol without a codec cannot be served. */
export function codecFor(model: ServiceModel): ServiceCodec {
  const codec = CODECS[model.metadata.protocol];
  if (codec === undefined) throw new Error(`no codec for the ${model.metadata.protocol} protocol of ${model.metadata.service}`);
  return codec.forService(model);
}
