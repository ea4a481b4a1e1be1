// The awsJson1_0 / awsJson1_1 codec (CloudTrail): every call a POST of a JSON document to `/`, the
// operation named by `X-Amz-Target: <targetPrefix>.<Operation>` (botocore sends the model's whole
// prefix, `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`; the Smithy SDKs its last part); JSON out (timestamps as epoch seconds),
// errors as `{"__type": code, "message": …}` with the error's status.
// https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
import { AwsError } from '../../kernel/aws-error.ts';
import type { WireStructure } from '../../kernel/wire-value.ts';
import type { Codec, CodecRequest, DecodedCall, ServiceCodec } from '../codec.ts';
import type { EncodableError } from '../encodable-error.ts';
import type { ProtocolResponse } from '../http-message.ts';
import { structureJsonWriter, type StructureJsonWriter } from '../json-writer.ts';
import { structureFromJson } from '../rest-json/json-shape.ts';
import { structureNamed, type ServiceModel } from '../service-model.ts';

/** The awsJson answer to a request that names no operation of the service. */
function unknownOperation(target: string | undefined): AwsError {
  return new AwsError('UnknownOperationException', 400, target === undefined ? 'Missing X-Amz-Target header' : `Unknown operation ${target}`);
}

/** The codec of one awsJson service. */
function forService(model: ServiceModel): ServiceCodec {
  const prefix = model.metadata.targetPrefix;
  if (prefix === undefined) throw new Error(`${model.metadata.service}: an awsJson model without a targetPrefix`);
  const shortPrefix = prefix.slice(prefix.lastIndexOf('.') + 1);
  const contentType = `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}`;
  const writers = new Map<string, StructureJsonWriter | null>();
  const writerOf = (operation: string): StructureJsonWriter | null => {
    let writer = writers.get(operation);
    if (writer === undefined) {
      const shape = structureNamed(model, model.operations[operation]!.output);
      writers.set(operation, (writer = shape === undefined ? null : structureJsonWriter(model, shape, 'rest-json')));
    }
    return writer;
  };

  function decode(request: CodecRequest): DecodedCall {
    const target = request.headers['x-amz-target'];
    const dot = target?.lastIndexOf('.') ?? -1;
    const operation = target !== undefined && dot > 0 && (target.slice(0, dot) === prefix || target.slice(0, dot) === shortPrefix) ? target.slice(dot + 1) : undefined;
    if (request.method !== 'POST' || operation === undefined || !Object.hasOwn(model.operations, operation)) throw unknownOperation(target);
    const text = request.body.toString('utf8');
    let json: unknown;
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new AwsError('SerializationException', 400, 'The request body is not valid JSON');
    }
    const shape = structureNamed(model, model.operations[operation]!.input);
    return { operation, input: shape === undefined ? {} : structureFromJson(model, shape, json, '') };
  }

  function encodeOutput(operation: string, output: WireStructure | undefined, requestId: string): ProtocolResponse {
    const writer = writerOf(operation);
    return { status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: writer === null || output === undefined ? '{}' : writer(output) };
  }

  function encodeError(error: EncodableError, requestId: string): ProtocolResponse {
    const body: Record<string, unknown> = { __type: error.code };
    for (const [k, v] of Object.entries(error.fields ?? {})) if (k !== 'message' && k !== '__type') body[k] = v;
    body['message'] = error.message;
    return { status: error.httpStatus, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
  }

  return { errorCodes: { notImplemented: 'UnsupportedOperationException', accessDenied: 'AccessDeniedException' }, decode, encodeOutput, encodeError };
}

/** awsJson1_0 and awsJson1_1 (they differ only in the Content-Type's version). */
export const awsJson: Codec = { protocol: 'json', forService };
