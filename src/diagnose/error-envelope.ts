/**
 * What the client wrapped around AWS's message: the error code, the operation and service, the request
 * id. Each client prints its own envelope:
 * - AWS CLI and boto3: `An error occurred (AccessDenied) when calling the AssumeRole operation: ...`
 * - Go SDK v2: `operation error EKS: DescribeCluster, https response error StatusCode: 403, RequestID: ..., api error AccessDeniedException: ...`
 * - Go SDK v1: `AccessDenied: ...` then `status code: 403, request id: ...`
 * - Java SDK: `... (Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException; Request ID: ...)`, v2 with commas
 * - JavaScript SDKs: `AccessDeniedException: ...`; .NET: `Amazon.SecurityToken.AmazonSecurityTokenServiceException: ...`
 * - EC2's Query XML `<Code>UnauthorizedOperation</Code>`, JSON bodies `{"__type": ...}`, CloudFormation's `API: ec2:CreateVpc ...`
 */

/** The envelope's facts. */
export interface Envelope {
  readonly errorCode: string | null;
  readonly operation: string | null;
  readonly service: string | null;
  readonly requestId: string | null;
  /** CloudFormation's `API: service:Action` prefix. */
  readonly apiAction: string | null;
  readonly authorizationId: string | null;
}

const CLI = /An error occurred \(([A-Za-z0-9.]+)\) when calling the ([A-Za-z0-9]+) operation/;
const GO_V2 = /operation error ([A-Za-z0-9 .-]+?): ([A-Za-z0-9]+), (?:exceeded maximum number of attempts, \d+, )?https response error StatusCode: \d+(?:, RequestID: ([A-Za-z0-9-]*))?/;
const GO_V2_CODE = /api error ([A-Za-z0-9.]+):/;
const JAVA_V1 = /\(Service: ([A-Za-z0-9 ]+?); Status Code: \d+; Error Code: ([A-Za-z0-9.]+); Request ID: ([A-Za-z0-9-]*)/;
const JAVA_V2 = /\(Service: ([A-Za-z0-9 ]+?), Status Code: \d+, Request ID: ([A-Za-z0-9-]*)/;
const GO_V1 = /status code: \d+, request id: ([A-Za-z0-9-]+)/;
const DOTNET = /\bAmazon\.(?!Runtime\.)([A-Za-z0-9]+)\.(?:Model\.)?[A-Za-z0-9]*Exception\b/;
const XML_CODE = /<Code>([^<]+)<\/Code>/;
const XML_REQUEST = /<Request(?:ID|Id)>([^<]+)<\/Request(?:ID|Id)>/;
const JSON_CODE = /"(?:__type|errorType|code|ErrorCode|Code)" ?: ?"([A-Za-z0-9.#:]+)"/;
/** `"requestId": "..."` in JSON, `requestId: '...'` as Node prints an SDK error. */
const JSON_REQUEST = /\b(?:requestId|RequestId)["']? ?: ?["']([A-Za-z0-9-]+)/;
const API_ACTION = /\bAPI: ([a-z0-9-]+:[A-Za-z0-9]+)\b/;
const GENERIC_CODE = /\b([A-Za-z]*AccessDenied(?:Exception)?|UnauthorizedOperation|AuthorizationError|UnauthorizedException)/;
const AUTHORIZATION_ID = /#\/authorization-details\/([a-z0-9]+)/i;

/** `#`-qualified JSON types (`com.amazon.coral...#AccessDeniedException`) reduced to the code. */
function bareCode(code: string | undefined): string | undefined {
  return code?.split('#').at(-1)?.split(':').at(0);
}

/** Reads the envelope of a canonical denial text. */
export function readEnvelope(text: string): Envelope {
  const cli = CLI.exec(text);
  const go2 = GO_V2.exec(text);
  const java1 = JAVA_V1.exec(text);
  const java2 = java1 ? null : JAVA_V2.exec(text);
  const dotnet = DOTNET.exec(text);
  const errorCode =
    cli?.[1] ?? GO_V2_CODE.exec(text)?.[1] ?? java1?.[2] ?? XML_CODE.exec(text)?.[1] ?? bareCode(JSON_CODE.exec(text)?.[1]) ?? GENERIC_CODE.exec(text)?.[1] ?? null;
  return {
    errorCode,
    operation: cli?.[2] ?? go2?.[2] ?? null,
    service: go2?.[1] ?? java1?.[1] ?? java2?.[1] ?? dotnet?.[1] ?? null,
    requestId: go2?.[3] || java1?.[3]?.trim() || java2?.[2]?.trim() || GO_V1.exec(text)?.[1] || XML_REQUEST.exec(text)?.[1] || JSON_REQUEST.exec(text)?.[1] || null,
    apiAction: API_ACTION.exec(text)?.[1] ?? null,
    authorizationId: AUTHORIZATION_ID.exec(text)?.[1] ?? null,
  };
}
