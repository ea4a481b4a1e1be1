// awsQuery responses (IAM-SPEC §9.1): `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata>…`, and the
// JSON form STS answers to `Accept: application/json` (aws-iam-authenticator, EKS-SPEC §6.2 step 7).
import type { ProtocolResponse } from '../http-message.ts';
import { rfc3986, scalarToText } from '../scalar-text.ts';
import { shapeNamed, wireName, type MemberModel, type ServiceModel, type StructureShape } from '../service-model.ts';
import { epochSeconds, toDate } from '../timestamp.ts';
import { isWireList, isWireStructure, type WireStructure } from '../wire-value.ts';
import { escapeXml, xmlElement, xmlTextElement } from '../xml-writer.ts';

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

/** Encodes an operation's output (HTTP 200). */
export function encodeQueryOutput(model: ServiceModel, operation: string, output: WireStructure | undefined, requestId: string, format: QueryFormat = 'xml'): ProtocolResponse {
  const op = model.operations[operation];
  if (op === undefined) throw new Error(`${model.metadata.service}: no operation \`${operation}\``);
  const shape = op.output === undefined ? undefined : shapeNamed(model, op.output);
  const result = shape?.type === 'structure' ? { shape, value: output ?? {} } : undefined;
  const wrapper = op.resultWrapper;
  const body = format === 'json' ? jsonBody(model, operation, wrapper, result, requestId) : xmlBody(model, operation, wrapper, result, requestId);
  return { status: 200, headers: queryHeaders(format, requestId), body };
}

type Result = { shape: StructureShape; value: WireStructure } | undefined;

function xmlBody(model: ServiceModel, operation: string, wrapper: string | undefined, result: Result, requestId: string): string {
  const members = result === undefined ? '' : structureXml(model, result.shape, result.value);
  const resultXml = result === undefined ? '' : wrapper === undefined ? members : xmlElement(wrapper, members);
  const metadata = xmlElement('ResponseMetadata', xmlTextElement('RequestId', requestId));
  const namespace = model.metadata.xmlNamespace;
  return xmlElement(`${operation}Response`, resultXml + metadata, namespace === undefined ? {} : { xmlns: namespace });
}

function structureXml(model: ServiceModel, shape: StructureShape, value: WireStructure): string {
  let xml = '';
  for (const [name, member] of Object.entries(shape.members)) {
    const v = value[name];
    if (v !== undefined && v !== null) xml += memberXml(model, wireName(name, member), member, v);
  }
  return xml;
}

function memberXml(model: ServiceModel, element: string, member: MemberModel, value: unknown): string {
  const shape = shapeNamed(model, member.shape);
  switch (shape.type) {
    case 'structure':
      if (!isWireStructure(value)) throw new TypeError(`${element}: expected a structure`);
      return xmlElement(element, structureXml(model, shape, value));
    case 'list': {
      if (!isWireList(value)) throw new TypeError(`${element}: expected a list`);
      const itemName = shape.member.locationName ?? (shape.flattened ? element : 'member');
      const items = value.map((item) => memberXml(model, itemName, shape.member, item)).join('');
      return shape.flattened ? items : xmlElement(element, items);
    }
    case 'map': {
      if (!isWireStructure(value)) throw new TypeError(`${element}: expected a map`);
      const keyName = shape.key.locationName ?? 'key';
      const valueName = shape.value.locationName ?? 'value';
      const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => xmlElement(shape.flattened ? element : 'entry', xmlTextElement(keyName, k) + memberXml(model, valueName, shape.value, v)));
      return shape.flattened ? entries.join('') : xmlElement(element, entries.join(''));
    }
    default: {
      const text = scalarToText(shape, value, 'iso8601');
      return xmlElement(element, escapeXml(member.uriEncoded ? rfc3986(text) : text));
    }
  }
}

function jsonBody(model: ServiceModel, operation: string, wrapper: string | undefined, result: Result, requestId: string): string {
  const metadata = { ResponseMetadata: { RequestId: requestId } };
  const members = result === undefined ? undefined : structureJson(model, result.shape, result.value);
  const inner = members === undefined ? metadata : wrapper === undefined ? { ...members, ...metadata } : { [wrapper]: members, ...metadata };
  return JSON.stringify({ [`${operation}Response`]: inner });
}

function structureJson(model: ServiceModel, shape: StructureShape, value: WireStructure): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const v = value[name];
    if (v !== undefined && v !== null) out[wireName(name, member)] = memberJson(model, member, v);
  }
  return out;
}

function memberJson(model: ServiceModel, member: MemberModel, value: unknown): unknown {
  const shape = shapeNamed(model, member.shape);
  switch (shape.type) {
    case 'structure':
      if (!isWireStructure(value)) throw new TypeError('expected a structure');
      return structureJson(model, shape, value);
    case 'list':
      if (!isWireList(value)) throw new TypeError('expected a list');
      return value.map((item) => memberJson(model, shape.member, item));
    case 'map':
      if (!isWireStructure(value)) throw new TypeError('expected a map');
      return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, memberJson(model, shape.value, v)]));
    case 'timestamp': {
      const date = toDate(value);
      if (date === undefined) throw new TypeError('expected a timestamp');
      return epochSeconds(date);
    }
    case 'string': {
      const text = scalarToText(shape, value, 'iso8601');
      return member.uriEncoded ? rfc3986(text) : text;
    }
    case 'blob':
      return scalarToText(shape, value, 'iso8601');
    default:
      scalarToText(shape, value, 'iso8601');
      return value;
  }
}
