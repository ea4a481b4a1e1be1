// The generated models: they load, every reference resolves, and they carry the facts docs/aws-behaviour/wire-protocols.md rely on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eksModel, iamModel, stsModel } from './models/index.ts';
import cloudtrailJson from './models/cloudtrail.json' with { type: 'json' };
import { parseServiceModel, shapeNamed, type ServiceModel, type ShapeModel } from './service-model.ts';
import { javaPattern } from './validation/java-pattern.ts';

/** The shape of `operation`'s input member `member`. */
function inputMember(model: ServiceModel, operation: string, member: string): ShapeModel {
  const input = shapeNamed(model, model.operations[operation]?.input ?? '');
  assert.equal(input.type, 'structure');
  const ref = input.type === 'structure' ? input.members[member] : undefined;
  assert.ok(ref, `${operation}.${member}`);
  return shapeNamed(model, ref.shape);
}

describe('generated service models', () => {
  it('carry protocol, version and namespace', () => {
    assert.deepEqual([iamModel, stsModel, eksModel].map((m) => [m.metadata.service, m.metadata.protocol, m.metadata.apiVersion, m.metadata.xmlNamespace]), [
      ['iam', 'query', '2010-05-08', 'https://iam.amazonaws.com/doc/2010-05-08/'],
      ['sts', 'query', '2011-06-15', 'https://sts.amazonaws.com/doc/2011-06-15/'],
      ['eks', 'rest-json', '2017-11-01', undefined],
    ]);
  });

  it('carry CloudTrail as an awsJson1_1 model, with its target prefix', () => {
    const cloudtrail = parseServiceModel(cloudtrailJson);
    assert.deepEqual([cloudtrail.metadata.protocol, cloudtrail.metadata.apiVersion, cloudtrail.metadata.jsonVersion, cloudtrail.metadata.targetPrefix], [
      'json', '2013-11-01', '1.1', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101',
    ]);
    assert.deepEqual(cloudtrail.operations.LookupEvents, {
      input: 'LookupEventsRequest', output: 'LookupEventsResponse',
      errors: ['InvalidLookupAttributesException', 'InvalidTimeRangeException', 'InvalidMaxResultsException', 'InvalidNextTokenException', 'InvalidEventCategoryException', 'UnsupportedOperationException', 'OperationNotPermittedException'],
    });
  });

  it('have the operations and members the AWS SDK v2 models lacked', () => {
    for (const name of ['DescribeClusterVersions', 'CreatePodIdentityAssociation', 'DescribePodIdentityAssociation', 'ListPodIdentityAssociations', 'UpdatePodIdentityAssociation', 'DeletePodIdentityAssociation', 'ListInsights', 'DescribeInsight']) {
      assert.ok(eksModel.operations[name], `eks:${name}`);
    }
    const createCluster = shapeNamed(eksModel, 'CreateClusterRequest');
    assert.equal(createCluster.type, 'structure');
    if (createCluster.type !== 'structure') return;
    for (const member of ['computeConfig', 'storageConfig', 'deletionProtection', 'zonalShiftConfig', 'controlPlaneScalingConfig', 'kubeApiServerConfig', 'kubeSchedulerConfig', 'kubeControllerManagerConfig']) {
      assert.ok(createCluster.members[member], `CreateCluster.${member}`);
    }
    assert.deepEqual(inputMember(eksModel, 'CreateCluster', 'deletionProtection'), { type: 'boolean' });
    for (const name of ['CreateDelegationRequest', 'GetOutboundWebIdentityFederationInfo', 'DisableOrganizationsRootCredentialsManagement']) assert.ok(iamModel.operations[name], `iam:${name}`);
  });

  it('name input and output shapes and awsQuery result wrappers', () => {
    assert.deepEqual(iamModel.operations.CreateUser, {
      input: 'CreateUserRequest', output: 'CreateUserResponse', resultWrapper: 'CreateUserResult',
      errors: ['LimitExceededException', 'EntityAlreadyExistsException', 'NoSuchEntityException', 'InvalidInputException', 'ConcurrentModificationException', 'ServiceFailureException'],
    });
    assert.equal(iamModel.operations.DeleteUser?.output, undefined);
    assert.equal(stsModel.operations.GetCallerIdentity?.resultWrapper, 'GetCallerIdentityResult');
  });

  it('give every EKS operation an HTTP binding and leave query operations without one', () => {
    for (const [name, op] of Object.entries(eksModel.operations)) assert.ok(op.http?.requestUri.startsWith('/'), name);
    assert.deepEqual(eksModel.operations.DeleteNodegroup?.http, { method: 'DELETE', requestUri: '/clusters/{name}/node-groups/{nodegroupName}' });
    assert.ok(Object.values(iamModel.operations).every((op) => op.http === undefined));
  });

  it('keep the member bindings restJson1 needs', () => {
    const input = shapeNamed(eksModel, 'ListClustersRequest');
    assert.equal(input.type, 'structure');
    if (input.type !== 'structure') return;
    assert.deepEqual(input.members.maxResults, { shape: 'ListClustersRequestMaxResults', location: 'querystring' });
    assert.equal(shapeNamed(eksModel, 'DeleteNodegroupRequest').type, 'structure');
    assert.deepEqual((shapeNamed(eksModel, 'CreateClusterRequest') as { members: Record<string, unknown> }).members.clientRequestToken, { shape: 'string', idempotencyToken: true });
  });

  it('carry the IAM shape constraints the validator enforces', () => {
    assert.deepEqual(inputMember(iamModel, 'CreateUser', 'UserName'), { type: 'string', min: 1, max: 64, pattern: '[\\w+=,.@-]+' });
    assert.deepEqual(inputMember(iamModel, 'GetUser', 'UserName'), { type: 'string', min: 1, max: 128, pattern: '[\\w+=,.@-]+' });
    assert.deepEqual(inputMember(iamModel, 'CreateRole', 'RoleName'), { type: 'string', min: 1, max: 64, pattern: '[\\w+=,.@-]+' });
    assert.deepEqual(inputMember(iamModel, 'CreateUser', 'Path'), { type: 'string', min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' });
    assert.deepEqual(inputMember(iamModel, 'CreateRole', 'MaxSessionDuration'), { type: 'integer', min: 3600, max: 43200 });
    assert.deepEqual(inputMember(iamModel, 'UpdateAccessKey', 'Status'), { type: 'string', enum: ['Active', 'Inactive', 'Expired'] });
    assert.deepEqual(inputMember(iamModel, 'CreateUser', 'Tags'), { type: 'list', member: { shape: 'Tag' }, max: 50 });
    assert.deepEqual(shapeNamed(iamModel, 'tagKeyType'), { type: 'string', min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' });
  });

  it('carry the STS and EKS shape constraints the validator enforces', () => {
    assert.deepEqual(inputMember(stsModel, 'AssumeRole', 'RoleSessionName'), { type: 'string', min: 2, max: 64, pattern: '[\\w+=,.@-]*' });
    assert.deepEqual(inputMember(stsModel, 'AssumeRole', 'DurationSeconds'), { type: 'integer', min: 900, max: 43200 });
    assert.deepEqual(inputMember(stsModel, 'GetSessionToken', 'DurationSeconds'), { type: 'integer', min: 900, max: 129600 });
    assert.deepEqual(inputMember(eksModel, 'CreateCluster', 'name'), { type: 'string', min: 1, max: 100, pattern: '^[0-9A-Za-z][A-Za-z0-9\\-_]*' });
    assert.deepEqual(inputMember(eksModel, 'CreateCluster', 'tags'), { type: 'map', key: { shape: 'TagKey' }, value: { shape: 'TagValue' }, min: 1, max: 50 });
    assert.deepEqual(inputMember(eksModel, 'CreateNodegroup', 'capacityType'), { type: 'string', enum: ['ON_DEMAND', 'SPOT', 'CAPACITY_BLOCK'] });
  });

  it('know each error\'s wire code, HTTP status and fault', () => {
    assert.deepEqual(iamModel.errors.NoSuchEntityException, { code: 'NoSuchEntity', httpStatus: 404, fault: 'Sender' });
    assert.deepEqual(iamModel.errors.ServiceFailureException, { code: 'ServiceFailure', httpStatus: 500, fault: 'Receiver' });
    assert.deepEqual(stsModel.errors.MalformedPolicyDocumentException, { code: 'MalformedPolicyDocument', httpStatus: 400, fault: 'Sender' });
    assert.deepEqual(eksModel.errors.ResourceNotFoundException, {
      code: 'ResourceNotFoundException', httpStatus: 404, fault: 'Sender', members: ['clusterName', 'nodegroupName', 'fargateProfileName', 'addonName', 'subscriptionId'],
    });
    assert.equal(eksModel.errors.ServerException?.fault, 'Receiver');
  });

  it('mark IAM policy documents in outputs as percent-encoded, and nothing in inputs', () => {
    const role = shapeNamed(iamModel, 'Role');
    assert.ok(role.type === 'structure' && role.members.AssumeRolePolicyDocument?.uriEncoded);
    const create = shapeNamed(iamModel, 'CreateRoleRequest');
    assert.ok(create.type === 'structure' && !create.members.AssumeRolePolicyDocument?.uriEncoded);
  });

  it('hold only patterns that compile as JavaScript `u` regexes', () => {
    for (const model of [iamModel, stsModel, eksModel]) {
      for (const [name, shape] of Object.entries(model.shapes)) {
        if (shape.type === 'string' && shape.pattern !== undefined) assert.equal(javaPattern(shape.pattern)?.flags, 'u', `${model.metadata.service} ${name}`);
      }
    }
  });

  it('reject model data with dangling references', () => {
    const base = { metadata: { protocol: 'query' }, operations: {}, errors: {} };
    assert.throws(() => parseServiceModel({ ...base, shapes: { A: { type: 'list', member: 'Missing' } } }), /dangling/);
    assert.throws(() => parseServiceModel({ ...base, shapes: { A: { type: 'union' } } }), /no known type/);
    assert.throws(() => parseServiceModel({ ...base, operations: { Op: { input: 'Nope' } }, shapes: {} }), /unknown shape/);
  });
});
