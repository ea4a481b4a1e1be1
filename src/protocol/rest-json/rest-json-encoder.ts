// restJson1 responses and errors (docs/aws-behaviour/wire-protocols.md, docs/aws-behaviour/error-shapes.md): JSON bodies, `x-amzn-RequestId`, and for
// errors the model's HTTP status, `x-amzn-ErrorType: <Code>` and `{…modeled members (null when unused), "message"}`.
import type { EncodableError } from '../encodable-error.ts';
import { FrozenOutputTexts } from '../frozen-output-texts.ts';
import type { ProtocolResponse } from '../http-message.ts';
import { scalarToText } from '../scalar-text.ts';
import { structureJsonWriter, type StructureJsonWriter } from '../json-writer.ts';
import { shapeNamed, structureNamed, type ErrorModel, type MemberModel, type ServiceModel, type ShapeModel } from '../service-model.ts';
import { ModelMemo, structureFields } from '../shape-plan.ts';
import type { WireStructure } from '../../kernel/wire-value.ts';

/** A member of an output bound to a header, the header prefix or the status code. */
interface BoundMember {
  readonly name: string;
  readonly location: 'statusCode' | 'header' | 'headers';
  /** The wire name: lower-cased for `header`, as modeled for the `headers` prefix. */
  readonly header: string;
  readonly member: MemberModel;
  readonly shape: ShapeModel | undefined;
}

/** What encoding one operation's output needs, worked out on its first response. */
interface OutputPlan {
  readonly status: number;
  readonly bound: readonly BoundMember[];
  readonly body: StructureJsonWriter | undefined;
}

const plans = new ModelMemo<OutputPlan>(outputPlan);

/** Bodies of frozen outputs (a described cluster), written once. */
const frozenBodies = new FrozenOutputTexts<OutputPlan>();

function outputPlan(model: ServiceModel, operation: string): OutputPlan {
  const op = model.operations[operation]!;
  const shape = structureNamed(model, op.output);
  const bound: BoundMember[] = [];
  for (const { name, wireName, member, shape: memberShape } of shape === undefined ? [] : structureFields(model, shape)) {
    const location = member.location;
    if (location !== 'statusCode' && location !== 'header' && location !== 'headers') continue;
    bound.push({ name, location, header: location === 'header' ? wireName.toLowerCase() : wireName, member, shape: memberShape });
  }
  const body = shape === undefined ? undefined : structureJsonWriter(model, shape, 'rest-json', true);
  return { status: op.http?.responseCode ?? 200, bound, body };
}

/** Encodes an operation's output with the model's response code (default 200). */
export function encodeRestJsonOutput(model: ServiceModel, operation: string, output: WireStructure | undefined, requestId: string): ProtocolResponse {
  if (model.operations[operation] === undefined) throw new Error(`${model.metadata.service}: no operation \`${operation}\``);
  const plan = plans.get(model, operation);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
  if (plan.body === undefined || output === undefined) return { status: plan.status, headers, body: '{}' };
  if (plan.bound.length > 0) return { status: bindMembers(model, plan, output, headers), headers, body: plan.body(output) };
  return { status: plan.status, headers, body: frozenBodies.text(plan, output, plan.body) };
}

/** Writes header-bound members into `headers`; the status code, from a statusCode-bound member or the model. */
function bindMembers(model: ServiceModel, plan: OutputPlan, output: WireStructure, headers: Record<string, string>): number {
  let status = plan.status;
  for (const { name, location, header, member, shape } of plan.bound) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    if (location === 'statusCode' && typeof value === 'number') status = value;
    if (location === 'header') headers[header] = scalarToText(shape ?? shapeNamed(model, member.shape), value, 'rfc822');
    if (location === 'headers' && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string') headers[`${header}${k}`.toLowerCase()] = v;
    }
  }
  return status;
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
