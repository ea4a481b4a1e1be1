// awsQuery error responses (docs/aws-behaviour/wire-protocols.md): `<ErrorResponse xmlns=…><Error><Type/><Code/><Message/></Error><RequestId/>`.
import { faultOf, type EncodableError } from '../encodable-error.ts';
import type { ProtocolResponse } from '../http-message.ts';
import type { ServiceModel } from '../service-model.ts';
import { xmlElement, xmlTextElement } from '../xml-writer.ts';
import { queryHeaders, type QueryFormat } from './query-encoder.ts';

/** Encodes `error` with its HTTP status in the service's namespace; `json` gives `{"Error":{…},"RequestId":…}`. */
export function encodeQueryError(model: ServiceModel, error: EncodableError, requestId: string, format: QueryFormat = 'xml'): ProtocolResponse {
  const type = faultOf(error);
  const headers = queryHeaders(format, requestId);
  if (format === 'json') {
    const body = JSON.stringify({ Error: { Code: error.code, Message: error.message, Type: type }, RequestId: requestId });
    return { status: error.httpStatus, headers, body };
  }
  const inner = xmlTextElement('Type', type) + xmlTextElement('Code', error.code) + xmlTextElement('Message', error.message);
  const namespace = model.metadata.xmlNamespace;
  const body = xmlElement('ErrorResponse', xmlElement('Error', inner) + xmlTextElement('RequestId', requestId), namespace === undefined ? {} : { xmlns: namespace });
  return { status: error.httpStatus, headers, body };
}
