// restJson1 responses and errors (IAM-SPEC §9.2, EKS-SPEC §2.0): JSON bodies, `x-amzn-RequestId`, and for
// errors the model's HTTP status, `x-amzn-ErrorType: <Code>` and `{…modeled members (null when unused), "message"}`.
import type { EncodableError } from '../encodable-error.ts';
import type { ProtocolResponse } from '../http-message.ts';
import { scalarToText } from '../scalar-text.ts';
import { shapeNamed, structureNamed, wireName, type ErrorModel, type ServiceModel } from '../service-model.ts';
import type { WireStructure } from '../wire-value.ts';
import { structureToJson } from './json-shape.ts';

/** Encodes an operation's output with the model's response code (default 200). */
export function encodeRestJsonOutput(model: ServiceModel, operation: string, output: WireStructure | undefined, requestId: string): ProtocolResponse {
  const op = model.operations[operation];
  if (op === undefined) throw new Error(`${model.metadata.service}: no operation \`${operation}\``);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
  let status = op.http?.responseCode ?? 200;
  const shape = structureNamed(model, op.output);
  if (shape === undefined || output === undefined) return { status, headers, body: '{}' };
  for (const [name, member] of Object.entries(shape.members)) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    if (member.location === 'statusCode' && typeof value === 'number') status = value;
    if (member.location === 'header') headers[wireName(name, member).toLowerCase()] = scalarToText(shapeNamed(model, member.shape), value, 'rfc822');
    if (member.location === 'headers' && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string') headers[`${wireName(name, member)}${k}`.toLowerCase()] = v;
    }
  }
  return { status, headers, body: JSON.stringify(structureToJson(model, shape, output, true)) };
}

/** The modeled error with wire code `code`, if any. */
export function modeledError(model: ServiceModel, code: string): ErrorModel | undefined {
  return Object.values(model.errors).find((e) => e.code === code);
}

/** Encodes an error: its status, `x-amzn-ErrorType` (bare code, no `:…` suffix) and JSON body. */
export function encodeRestJsonError(model: ServiceModel, error: EncodableError, requestId: string): ProtocolResponse {
  const body: Record<string, unknown> = {};
  for (const member of modeledError(model, error.code)?.members ?? []) body[member] = error.fields?.[member] ?? null;
  for (const [k, v] of Object.entries(error.fields ?? {})) if (k !== 'message') body[k] = v;
  body.message = error.message;
  const headers = { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code };
  return { status: error.httpStatus, headers, body: JSON.stringify(body) };
}
