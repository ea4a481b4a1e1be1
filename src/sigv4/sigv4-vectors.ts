// Test data: SigV4 vectors produced by botocore 1.43.11's signer (docs/aws-behaviour/sigv4.md), transcribed verbatim.
import type { SignRequestInput } from './sign-request.ts';
import type { SigV4Request } from './sigv4-request.ts';
import type { SigningCredential } from './verify-signature.ts';

/** The vectors' long-term key (the AWS documentation example). */
export const VECTOR_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY' } as const;

/** The vectors' session credentials (same secret). */
export const VECTOR_SESSION = { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: VECTOR_KEY.secretAccessKey, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN' } as const;

/** 20240115T120000Z. */
export const VECTOR_TIME = Date.UTC(2024, 0, 15, 12, 0, 0);

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

/** One vector: the request to sign and botocore's intermediate and final values. */
export interface SigV4Vector {
  readonly name: string;
  readonly input: SignRequestInput;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  /** Header mode: the Authorization value; presigned: the full query string. */
  readonly authorization?: string;
  readonly presignedQuery?: string;
}

/** Every vector of spec/sigv4-vectors.txt. */
export const SIGV4_VECTORS: readonly SigV4Vector[] = [
  {
    name: 'IAM CreateUser (POST form body)',
    input: {
      method: 'POST', path: '/', headers: { 'content-type': FORM, host: 'iam.amazonaws.com' },
      body: 'Action=CreateUser&Version=2010-05-08&UserName=alice',
      credentials: VECTOR_KEY, region: 'us-east-1', service: 'iam', time: VECTOR_TIME,
    },
    canonicalRequest: [
      'POST', '/', '',
      'content-type:application/x-www-form-urlencoded; charset=utf-8', 'host:iam.amazonaws.com', 'x-amz-date:20240115T120000Z', '',
      'content-type;host;x-amz-date',
      '0f69be1cde1a472d13a709ec9a29f23aa8daa2095b81e1ff47d03de4824dd037',
    ].join('\n'),
    stringToSign: 'AWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-east-1/iam/aws4_request\n19ea0bd26c226ea92e1f4fb93f68811ac722fd7950ce21c830e55375d9c3e697',
    signature: '20cac63188407616f26200f3a6bb240ee7859132dba0bdbff1793448df797c7c',
    authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240115/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=20cac63188407616f26200f3a6bb240ee7859132dba0bdbff1793448df797c7c',
  },
  {
    name: 'EKS DescribeCluster (GET, no body)',
    input: {
      method: 'GET', path: '/clusters/demo', headers: { host: 'eks.us-west-2.amazonaws.com' },
      credentials: VECTOR_KEY, region: 'us-west-2', service: 'eks', time: VECTOR_TIME,
    },
    canonicalRequest: [
      'GET', '/clusters/demo', '',
      'host:eks.us-west-2.amazonaws.com', 'x-amz-date:20240115T120000Z', '',
      'host;x-amz-date',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ].join('\n'),
    stringToSign: 'AWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-west-2/eks/aws4_request\n5abb0ba195f9ed713a3334242572137438c28165ddf3857487c8b6458b27e9b1',
    signature: 'db6c8309c9d2fd7f1e48df0a657734adc5e7ff00f14ec9e89dc5117a87886018',
    authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240115/us-west-2/eks/aws4_request, SignedHeaders=host;x-amz-date, Signature=db6c8309c9d2fd7f1e48df0a657734adc5e7ff00f14ec9e89dc5117a87886018',
  },
  {
    name: 'EKS TagResource (double-encoded path)',
    input: {
      method: 'POST', path: '/tags/arn%3Aaws%3Aeks%3Aus-west-2%3A123456789012%3Acluster%2Fdemo',
      headers: { 'content-type': 'application/json', host: 'eks.us-west-2.amazonaws.com' },
      body: '{"tags": {"k": "v"}}',
      credentials: VECTOR_KEY, region: 'us-west-2', service: 'eks', time: VECTOR_TIME,
    },
    canonicalRequest: [
      'POST', '/tags/arn%253Aaws%253Aeks%253Aus-west-2%253A123456789012%253Acluster%252Fdemo', '',
      'content-type:application/json', 'host:eks.us-west-2.amazonaws.com', 'x-amz-date:20240115T120000Z', '',
      'content-type;host;x-amz-date',
      'a69f96a090afde08ab63922424c9ac02af98fdef97c100c3b8386c07768afd74',
    ].join('\n'),
    stringToSign: 'AWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-west-2/eks/aws4_request\n16f88f034ca3d381e97c85978c4b261bb5b6f24d9ccc10abed2eaff8235f41c2',
    signature: 'c5aa5b18fb6b30d7f0eaf6415d7db0e3fc4b8ab98f960a877ccf1fa25d4f12c6',
    authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240115/us-west-2/eks/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=c5aa5b18fb6b30d7f0eaf6415d7db0e3fc4b8ab98f960a877ccf1fa25d4f12c6',
  },
  {
    name: 'STS GetCallerIdentity with session credentials',
    input: {
      method: 'POST', path: '/', headers: { 'content-type': FORM, host: 'sts.us-east-1.amazonaws.com' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      credentials: VECTOR_SESSION, region: 'us-east-1', service: 'sts', time: VECTOR_TIME,
    },
    canonicalRequest: [
      'POST', '/', '',
      'content-type:application/x-www-form-urlencoded; charset=utf-8', 'host:sts.us-east-1.amazonaws.com',
      'x-amz-date:20240115T120000Z', 'x-amz-security-token:IQoJb3JpZ2luX2VjEXAMPLETOKEN', '',
      'content-type;host;x-amz-date;x-amz-security-token',
      'ab821ae955788b0e33ebd34c208442ccfc2d406e2edc5e7a39bd6458fbb4f843',
    ].join('\n'),
    stringToSign: 'AWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-east-1/sts/aws4_request\n4693135507847a43a506036169f8340899e932e69187a2eddaef07fd2e0c370f',
    signature: 'c3008030e14eb8902a0052e5ca90ab59802029ffb79d20b1da55d03b2416e7f2',
    authorization: 'AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7EXAMPLE/20240115/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=c3008030e14eb8902a0052e5ca90ab59802029ffb79d20b1da55d03b2416e7f2',
  },
  {
    name: 'presigned STS GetCallerIdentity (aws eks get-token)',
    input: {
      method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15',
      headers: { host: 'sts.us-east-1.amazonaws.com', 'x-k8s-aws-id': 'demo' },
      credentials: VECTOR_KEY, region: 'us-east-1', service: 'sts', time: VECTOR_TIME, presign: { expiresIn: 60 },
    },
    canonicalRequest: [
      'GET', '/',
      'Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240115%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240115T120000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id',
      'host:sts.us-east-1.amazonaws.com', 'x-k8s-aws-id:demo', '',
      'host;x-k8s-aws-id',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ].join('\n'),
    stringToSign: 'AWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-east-1/sts/aws4_request\n1cc1652247a56c4aef90a1fbbd72af0f7817d9eaf707b6675626a3846860faf6',
    signature: 'bfcad8d1ee193119eef276b63a13f85d8f4d7337b080aed88ad118ad8a6b4faa',
    presignedQuery:
      'Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240115%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240115T120000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id&X-Amz-Signature=bfcad8d1ee193119eef276b63a13f85d8f4d7337b080aed88ad118ad8a6b4faa',
  },
];

/** Test credential store: the vector keys, an expired session, and an inactive key. */
export const VECTOR_CREDENTIALS: ReadonlyMap<string, SigningCredential> = new Map<string, SigningCredential>([
  [VECTOR_KEY.accessKeyId, { secretAccessKey: VECTOR_KEY.secretAccessKey, status: 'Active' }],
  [VECTOR_SESSION.accessKeyId, { secretAccessKey: VECTOR_SESSION.secretAccessKey, sessionToken: VECTOR_SESSION.sessionToken, expiresAt: VECTOR_TIME + 3600_000 }],
  ['ASIAEXPIREDEXAMPLE00', { secretAccessKey: VECTOR_KEY.secretAccessKey, sessionToken: 'expired-token', expiresAt: VECTOR_TIME - 1 }],
  ['AKIAINACTIVEEXAMPLE0', { secretAccessKey: VECTOR_KEY.secretAccessKey, status: 'Inactive' }],
]);

/** `lookupCredentials` over VECTOR_CREDENTIALS. */
export async function lookupVectorCredentials(accessKeyId: string): Promise<SigningCredential | undefined> {
  return VECTOR_CREDENTIALS.get(accessKeyId);
}

/** The request a vector describes, assembled from its published Authorization / presigned query (not re-signed). */
export function vectorRequest(vector: SigV4Vector): SigV4Request & { headers: Record<string, string> } {
  const { input } = vector;
  const headers: Record<string, string> = { ...input.headers };
  let query = typeof input.query === 'string' ? input.query : '';
  if (vector.authorization !== undefined) {
    headers['x-amz-date'] = '20240115T120000Z';
    if (input.credentials.sessionToken !== undefined) headers['x-amz-security-token'] = input.credentials.sessionToken;
    headers['authorization'] = vector.authorization;
  }
  if (vector.presignedQuery !== undefined) query = vector.presignedQuery;
  return { method: input.method, path: input.path, query, headers, ...(input.body === undefined ? {} : { body: input.body }) };
}
