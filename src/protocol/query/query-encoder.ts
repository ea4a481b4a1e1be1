// awsQuery responses (docs/aws-behaviour/wire-protocols.md): `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata>…`, and the
// JSON form STS answers to `Accept: application/json` (aws-iam-authenticator, docs/aws-behaviour/eks-kubernetes-authentication.md).
import { FrozenOutputTexts } from '../frozen-output-texts.ts';
import type { ProtocolResponse } from '../http-message.ts';
import { jsonString, structureJsonWriter, type StructureJsonWriter } from '../json-writer.ts';
import { shapeNamed, type ServiceModel, type StructureShape } from '../service-model.ts';
import { ModelMemo, structureFields } from '../shape-plan.ts';
import type { WireStructure } from '../../kernel/wire-value.ts';
import { elementWriter, escapeXml } from '../xml-writer.ts';
import { structureXmlWriter, type StructureXmlWriter } from './query-xml-writer.ts';

/** The two bodies awsQuery services answer with. */
export type QueryFormat = 'xml' | 'json';

/** `json` when the client accepts JSON but not XML (aws-iam-authenticator's `accept: application/json`). */
export function queryResponseFormat(accept: string | undefined): QueryFormat {
  const lower = (accept ?? '').toLowerCase();
  return lower.includes('application/json') && !lower.includes('xml') ? 'json' : 'xml';
}

/** Response headers for a query-protocol body. */
export function queryHeaders(format: QueryFormat, requestId: string): Record<string, string> {
  return { 'content-type': format === 'json' ? 'application/json' : 'text/xml', 'x-amzn-requestid': requestId };
}

/** What writing one operation's output as XML needs: the result members, the result wrapper, the response element. */
interface XmlPlan {
  readonly members: StructureXmlWriter | undefined;
  readonly result: (inner: string) => string;
  readonly response: (inner: string) => string;
}

/** What writing one operation's output as JSON needs; `exact` when keys collide with ResponseMetadata. */
interface JsonPlan {
  readonly members: StructureJsonWriter | undefined;
  readonly responseKey: string;
  /** `{"XResponse":{` */
  readonly open: string;
  readonly wrapper: string | undefined;
  /** `"XResult":` */
  readonly wrapperKey: string | undefined;
  readonly exact: boolean;
}

const METADATA = 'ResponseMetadata';

const xmlPlans = new ModelMemo<XmlPlan>((model, operation) => {
  const shape = resultShape(model, operation);
  const wrapper = model.operations[operation]!.resultWrapper;
  const namespace = model.metadata.xmlNamespace;
  return {
    members: shape === undefined ? undefined : structureXmlWriter(model, shape),
    result: wrapper === undefined ? (inner) => inner : elementWriter(wrapper),
    response: elementWriter(`${operation}Response`, namespace === undefined ? {} : { xmlns: namespace }),
  };
});

const jsonPlans = new ModelMemo<JsonPlan>((model, operation) => {
  const shape = resultShape(model, operation);
  const wrapper = model.operations[operation]!.resultWrapper;
  const spreadCollides = wrapper === undefined && shape !== undefined && structureFields(model, shape).some((f) => f.wireName === METADATA);
  return {
    members: shape === undefined ? undefined : structureJsonWriter(model, shape, 'query'),
    responseKey: `${operation}Response`,
    open: `{${jsonString(`${operation}Response`)}:{`,
    wrapper,
    wrapperKey: wrapper === undefined ? undefined : `${jsonString(wrapper)}:`,
    exact: wrapper === METADATA || spreadCollides,
  };
});

/** The operation's output structure, if it has one (non-structure outputs write no result). */
function resultShape(model: ServiceModel, operation: string): StructureShape | undefined {
  const name = model.operations[operation]!.output;
  const shape = name === undefined ? undefined : shapeNamed(model, name);
  return shape?.type === 'structure' ? shape : undefined;
}

/** Encodes an operation's output (HTTP 200). */
export function encodeQueryOutput(model: ServiceModel, operation: string, output: WireStructure | undefined, requestId: string, format: QueryFormat = 'xml'): ProtocolResponse {
  if (model.operations[operation] === undefined) throw new Error(`${model.metadata.service}: no operation \`${operation}\``);
  const body = format === 'json' ? jsonBody(jsonPlans.get(model, operation), output, requestId) : xmlBody(xmlPlans.get(model, operation), output, requestId);
  return { status: 200, headers: queryHeaders(format, requestId), body };
}

/** Result elements of frozen outputs (a user), written once: the request id around them is written each time. */
const frozenResults = new FrozenOutputTexts<XmlPlan>();

function xmlResult(plan: XmlPlan, members: StructureXmlWriter, output: WireStructure): string {
  return frozenResults.text(plan, output, (value) => plan.result(members(value)));
}

function xmlBody(plan: XmlPlan, output: WireStructure | undefined, requestId: string): string {
  const result = plan.members === undefined ? '' : xmlResult(plan, plan.members, output ?? {});
  return plan.response(`${result}<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>`);
}

/** `{"XResponse":{"XResult":{…},"ResponseMetadata":{"RequestId":…}}}`, or the result members inline when there is no wrapper. */
function jsonBody(plan: JsonPlan, output: WireStructure | undefined, requestId: string): string {
  const members = plan.members === undefined ? undefined : plan.members(output ?? {});
  if (plan.exact) return exactJsonBody(plan, members, requestId);
  const result = members === undefined ? '' : plan.wrapperKey !== undefined ? `${plan.wrapperKey}${members},` : members === '{}' ? '' : `${members.slice(1, -1)},`;
  return `${plan.open}${result}"${METADATA}":{"RequestId":${jsonString(requestId)}}}}`;
}

/** The object form, for results whose keys a spread of ResponseMetadata would overwrite in place. */
function exactJsonBody(plan: JsonPlan, membersText: string | undefined, requestId: string): string {
  const metadata = { [METADATA]: { RequestId: requestId } };
  const members: unknown = membersText === undefined ? undefined : JSON.parse(membersText);
  const inner = members === undefined ? metadata : plan.wrapper === undefined ? { ...(members as object), ...metadata } : { [plan.wrapper]: members, ...metadata };
  return JSON.stringify({ [plan.responseKey]: inner });
}
