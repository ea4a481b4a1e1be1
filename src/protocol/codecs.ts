// The codec of each protocol a service model may name. Adding a protocol (awsJson1_1 for CloudTrail or
// Organizations) is its codec, its name in `WireProtocol`, and a line here; the pipeline is unchanged.
import type { Codec, ServiceCodec } from './codec.ts';
import { awsQuery } from './query/aws-query-codec.ts';
import { restJson1 } from './rest-json/rest-json1-codec.ts';
import type { ServiceModel, WireProtocol } from './service-model.ts';

/** The protocols Tollgate serves; a model may name one not yet here (awsJson, of the vendored CloudTrail model). */
const CODECS: Readonly<Partial<Record<WireProtocol, Codec>>> = { query: awsQuery, 'rest-json': restJson1 };

/** The codec of the protocol `model` speaks, bound to it; a protocol without a codec cannot be served. */
export function codecFor(model: ServiceModel): ServiceCodec {
  const codec = CODECS[model.metadata.protocol];
  if (codec === undefined) throw new Error(`no codec for the ${model.metadata.protocol} protocol of ${model.metadata.service}`);
  return codec.forService(model);
}
