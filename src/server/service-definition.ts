/**
 * A service as the request pipeline sees it: its model, and a way to find the operation a decoded
 * request names, bound to its validated input. Here, and only here, the decoded input (a WireStructure)
 * becomes the operation's typed input: the model JSON and the types in src/model-types/ are generated
 * from one botocore model (test/models/generated-files.test.ts keeps them so), so an input the model
 * accepts has the generated type.
 */
import type { DecodedCall } from '../protocol/codec.ts';
import type { ServiceModel } from '../protocol/service-model.ts';
import { assertValidInput } from '../protocol/validation/validation-message.ts';
import type { WireStructure } from '../kernel/wire-value.ts';
import type { AuthorizationCheck, ModeledService, Operation, OperationContext, OperationInput, OperationName, OperationTable } from '../services/operation.ts';

/** An operation bound to the validated input of one request. */
export interface BoundOperation {
  /** The operation's own action, `service:Operation`, and what the reference says of it. */
  readonly operation: { readonly service: string; readonly name: string; readonly readOnly: boolean };
  authorize(ctx: OperationContext): Promise<readonly AuthorizationCheck[]> | readonly AuthorizationCheck[];
  handle(ctx: OperationContext): Promise<WireStructure | undefined>;
}

/** A service: its AWS model and the operations Tollgate implements. */
export interface ServiceDefinition {
  readonly model: ServiceModel;
  /** A global service's one Region (IAM's us-east-1): every call is made there, whatever Region the client signed for. */
  readonly globalRegion?: string | undefined;
  /**
   * Validates `call`'s input against the model (throwing the service's validation error) and returns
   * the operation it names bound to that input; undefined when Tollgate does not implement it.
   */
  bind(call: DecodedCall): BoundOperation | undefined;
}

/** A call of service `S` whose input its model accepted. */
type ModelCall<S extends ModeledService> = { readonly [N in OperationName<S>]: { readonly operation: N; readonly input: OperationInput<S, N> } }[OperationName<S>];

/** Throws the service's validation error unless `call` satisfies `model`, which is the model of `S`. */
function assertModelCall<S extends ModeledService>(model: ServiceModel, call: DecodedCall): asserts call is ModelCall<S> {
  assertValidInput(model, call.operation, call.input);
}

function bound<S extends ModeledService, N extends OperationName<S>>(operations: OperationTable<S>, call: { readonly operation: N; readonly input: OperationInput<S, N> }): BoundOperation | undefined {
  const operation: Operation<S, N> | undefined = operations[call.operation];
  if (operation === undefined) return undefined;
  const { input } = call;
  return { operation, authorize: (ctx) => operation.authorize(input, ctx), handle: (ctx) => operation.handle(input, ctx) };
}

/** The definition of service `service` from its model and the table of its implemented operations. */
export function serviceDefinition<S extends ModeledService>(service: S, model: ServiceModel, operations: OperationTable<S>, options: { readonly globalRegion?: string } = {}): ServiceDefinition {
  if (model.metadata.service !== service) throw new Error(`the model of ${model.metadata.service} given for ${service}`);
  return {
    model,
    globalRegion: options.globalRegion,
    bind(call) {
      assertModelCall<S>(model, call);
      return bound(operations, call);
    },
  };
}
