/**
 * A service as the AWS pipeline serves it: its definition, and what is worked out for it once rather than
 * per request: the codec of its model's protocol, the verifier's options (SigV4's errors in that protocol's
 * vocabulary) and its operations' action names.
 */
import { codecFor } from '../protocol/codecs.ts';
import type { ServiceCodec } from '../protocol/codec.ts';
import type { ServiceModel, WireProtocol } from '../protocol/service-model.ts';
import type { SigV4Protocol, VerifyOptions } from '../sigv4/index.ts';
import type { ServiceDefinition } from './service-definition.ts';
import type { AuthorizedService } from './authorizer.ts';
import type { ResolvedCredential } from './credential-resolver.ts';
import type { ServiceName } from './resolve-service.ts';

/** One service, ready for the pipeline. */
export interface ServedService extends AuthorizedService, Pick<ServiceDefinition, 'bind'> {
  readonly name: ServiceName;
  readonly model: ServiceModel;
  readonly globalRegion: string | undefined;
  readonly codec: ServiceCodec;
  readonly verify: VerifyOptions<ResolvedCredential>;
  /** The action an operation's own check bears (`eks:CreateCluster`; the log's `checks` list the others). */
  actionOf(operation: string): string;
}

/** The vocabulary of SigV4's errors for each protocol a model may speak. */
// awsJson services name SigV4's failures as restJson1 services do (`UnrecognizedClientException`, `InvalidSignatureException`).
const SIGV4_ERRORS: Readonly<Record<WireProtocol, SigV4Protocol>> = { query: 'awsQuery', 'rest-json': 'restJson1', json: 'restJson1' };

/** The most action names kept per service (operations are the model's, so fewer in practice). */
const ACTION_NAMES_MAX = 1000;

/** Every service of `definitions`, by name; `verifier` is what SigV4 verification looks credentials up with. */
export function servedServices(
  definitions: Readonly<Record<ServiceName, ServiceDefinition>>,
  verifier: Omit<VerifyOptions<ResolvedCredential>, 'service'>,
): ReadonlyMap<ServiceName, ServedService> {
  const served = new Map<ServiceName, ServedService>();
  for (const [name, definition] of Object.entries(definitions) as [ServiceName, ServiceDefinition][]) {
    const codec = codecFor(definition.model);
    const actions = new Map<string, string>();
    served.set(name, {
      name,
      model: definition.model,
      bind: (call) => definition.bind(call),
      globalRegion: definition.globalRegion,
      codec,
      accessDeniedCode: codec.errorCodes.accessDenied,
      verify: { ...verifier, service: name, protocol: SIGV4_ERRORS[definition.model.metadata.protocol] },
      actionOf(operation) {
        let action = actions.get(operation);
        if (action === undefined && actions.size < ACTION_NAMES_MAX) actions.set(operation, (action = `${name}:${operation}`));
        return action ?? `${name}:${operation}`;
      },
    });
  }
  return served;
}
