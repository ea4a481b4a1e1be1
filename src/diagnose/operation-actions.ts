/**
 * The IAM action behind an API operation, for denials that name the operation but not the action
 * (S3's `Access Denied`, EC2's `UnauthorizedOperation`, STS's web-identity message). Most actions are
 * `<prefix>:<Operation>`; S3's differ (ListObjectsV2 is `s3:ListBucket`, HeadObject is `s3:GetObject`).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
 */

/** SDK and signing names of services as clients print them, to IAM service prefixes. */
const SERVICE_PREFIXES: Readonly<Record<string, string>> = {
  eks: 'eks', amazoneks: 'eks',
  sts: 'sts', awssecuritytokenservice: 'sts', securitytoken: 'sts',
  iam: 'iam', amazonidentitymanagement: 'iam', identitymanagement: 'iam',
  kms: 'kms', awskms: 'kms', keymanagementservice: 'kms',
  s3: 's3', 'amazon s3': 's3', amazons3: 's3',
  ec2: 'ec2', amazonec2: 'ec2',
  lambda: 'lambda', awslambda: 'lambda',
  ssm: 'ssm', awssimplesystemsmanagement: 'ssm', simplesystemsmanagement: 'ssm',
  sns: 'sns', amazonsns: 'sns', sqs: 'sqs', amazonsqs: 'sqs',
  dynamodb: 'dynamodb', amazondynamodbv2: 'dynamodb',
  secretsmanager: 'secretsmanager', awssecretsmanager: 'secretsmanager',
  ecr: 'ecr', amazonecr: 'ecr', ecs: 'ecs', amazonecs: 'ecs',
  cloudformation: 'cloudformation', amazoncloudformation: 'cloudformation',
  sfn: 'states', awsstepfunctions: 'states',
};

/** The IAM prefix of a service as a client names it; undefined when unknown. */
export function servicePrefix(name: string | null): string | undefined {
  return name === null ? undefined : SERVICE_PREFIXES[name.trim().toLowerCase()];
}

/** S3 operations whose action is not named after them. */
const S3_ACTIONS: Readonly<Record<string, string>> = {
  HeadObject: 'GetObject', ListObjects: 'ListBucket', ListObjectsV2: 'ListBucket', ListObjectVersions: 'ListBucketVersions',
  HeadBucket: 'ListBucket', ListBuckets: 'ListAllMyBuckets', CopyObject: 'PutObject', UploadPart: 'PutObject',
  CreateMultipartUpload: 'PutObject', CompleteMultipartUpload: 'PutObject', DeleteObjects: 'DeleteObject',
};

/** Operations that belong to one service only, so a text naming just the operation names the action too. */
const UNIQUE_OPERATIONS: Readonly<Record<string, string>> = {
  GetObject: 's3', PutObject: 's3', HeadObject: 's3', DeleteObject: 's3', DeleteObjects: 's3', CopyObject: 's3',
  ListObjects: 's3', ListObjectsV2: 's3', ListBuckets: 's3', HeadBucket: 's3', GetBucketPolicy: 's3', PutBucketPolicy: 's3',
  AssumeRole: 'sts', AssumeRoleWithWebIdentity: 'sts', AssumeRoleWithSAML: 'sts', GetSessionToken: 'sts',
  GetFederationToken: 'sts', DecodeAuthorizationMessage: 'sts',
  GenerateDataKey: 'kms', ReEncrypt: 'kms',
  RunInstances: 'ec2', DescribeInstances: 'ec2', TerminateInstances: 'ec2',
  DescribeCluster: 'eks', CreateNodegroup: 'eks', CreateFargateProfile: 'eks', CreateAccessEntry: 'eks', AssociateAccessPolicy: 'eks',
};

/** The action of `operation` of the service with IAM prefix `prefix` (or of the one service that has it). */
export function operationAction(operation: string, prefix: string | undefined): string | undefined {
  const service = prefix ?? UNIQUE_OPERATIONS[operation];
  if (service === undefined) return undefined;
  return `${service}:${service === 's3' ? S3_ACTIONS[operation] ?? operation : operation}`;
}
