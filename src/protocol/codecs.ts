// The codec of each protocol a service model may name. Adding a protocol (awsJson1_1 for CloudTrail or
// Organizations) is its codec, its name in `WireProtocol`, and a line here; the pipeline is unchanged.
import type { Codec, ServiceCodec } from './codec.ts';
import { awsQuery } from './query/aws-query-codec.ts';
import { restJson1 } from './rest-json/rest-json1-codec.ts';
import type { ServiceModel, WireProtocol } from './service-model.ts';

const CODECS: Readonly<Record<WireProtocol, Codec>> = { query: awsQuery, 'rest-json': restJson1 };

/** The codec of the protocol `model` speaks, bound to it. */
export function codecFor(model: ServiceModel): ServiceCodec {
  return CODECS[model.metadata.protocol].forService(model);
}
