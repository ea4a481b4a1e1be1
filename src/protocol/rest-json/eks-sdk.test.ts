// The real @aws-sdk/client-eks against our restJson1 codec: routes, labels, querystrings, bodies, errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CreateClusterCommand, DeleteNodegroupCommand, DescribeClusterCommand, EKSClient, InvalidParameterException,
  ListClustersCommand, ResourceNotFoundException, TagResourceCommand, UntagResourceCommand,
} from '@aws-sdk/client-eks';
import { AwsError } from '../../kernel/aws-error.ts';
import { eksModel } from '../models/index.ts';
import { fakeClientConfig, fakeRequestHandler, REQUEST_ID, restJsonResponder, type FakeService } from '../sdk-harness.ts';
import type { WireStructure } from '../../kernel/wire-value.ts';

const createdAt = new Date('2024-01-15T12:00:00.250Z');
const cluster = {
  name: 'demo', arn: 'arn:aws:eks:us-east-1:123456789012:cluster/demo', createdAt, version: '1.29',
  roleArn: 'arn:aws:iam::123456789012:role/eks-cluster-role', status: 'CREATING',
  resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'], endpointPublicAccess: true, endpointPrivateAccess: false },
  tags: { team: 'blue' },
};

function eksClient(service: FakeService): { client: EKSClient; calls: { operation: string; input: WireStructure }[] } {
  const calls: { operation: string; input: WireStructure }[] = [];
  const { requestHandler } = fakeRequestHandler(restJsonResponder(eksModel, (operation, input) => {
    calls.push({ operation, input });
    return service(operation, input);
  }));
  return { client: new EKSClient(fakeClientConfig(requestHandler)), calls };
}

describe('EKS over restJson1 with the AWS SDK v3 client', () => {
  it('CreateCluster: nested resourcesVpcConfig, tags and the auto-filled clientRequestToken decode; createdAt parses', async () => {
    const { client, calls } = eksClient(() => ({ cluster }));
    const out = await client.send(new CreateClusterCommand({
      name: 'demo', roleArn: cluster.roleArn, tags: { team: 'blue' },
      resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'], endpointPublicAccess: true },
    }));
    const { clientRequestToken, ...rest } = calls[0]?.input ?? {};
    assert.equal(calls[0]?.operation, 'CreateCluster');
    assert.match(String(clientRequestToken), /^[0-9a-f-]{36}$/);
    assert.deepEqual(rest, { name: 'demo', roleArn: cluster.roleArn, resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'], endpointPublicAccess: true }, tags: { team: 'blue' } });
    assert.deepEqual(out.cluster, cluster);
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.equal(out.$metadata.requestId, REQUEST_ID);
  });

  it('DescribeCluster: the name label routes and decodes', async () => {
    const { client, calls } = eksClient(() => ({ cluster }));
    const out = await client.send(new DescribeClusterCommand({ name: 'demo' }));
    assert.deepEqual(calls, [{ operation: 'DescribeCluster', input: { name: 'demo' } }]);
    assert.equal(out.cluster?.createdAt?.getTime(), createdAt.getTime());
  });

  it('DescribeCluster: ResourceNotFoundException carries status, message, clusterName and request id', async () => {
    const { client } = eksClient(() => {
      throw new AwsError('ResourceNotFoundException', 404, 'No cluster found for name: nope.', { fields: { clusterName: 'nope' } });
    });
    const err: unknown = await client.send(new DescribeClusterCommand({ name: 'nope' })).catch((e: unknown) => e);
    assert.ok(err instanceof ResourceNotFoundException);
    assert.equal(err.message, 'No cluster found for name: nope.');
    assert.equal(err.clusterName, 'nope');
    assert.equal(err.$metadata.httpStatusCode, 404);
    assert.equal(err.$metadata.requestId, REQUEST_ID);
  });

  it('ListClusters: maxResults, nextToken and the include list come from the querystring', async () => {
    const { client, calls } = eksClient(() => ({ clusters: ['a', 'b'], nextToken: 'tok 2' }));
    const out = await client.send(new ListClustersCommand({ maxResults: 5, nextToken: 'tok 1/+=', include: ['all'] }));
    assert.deepEqual(calls[0], { operation: 'ListClusters', input: { maxResults: 5, nextToken: 'tok 1/+=', include: ['all'] } });
    assert.deepEqual(out.clusters, ['a', 'b']);
    assert.equal(out.nextToken, 'tok 2');
  });

  it('DeleteNodegroup: both path labels decode (percent-encoded characters included)', async () => {
    const { client, calls } = eksClient((_op, input) => ({ nodegroup: { clusterName: input.clusterName, nodegroupName: input.nodegroupName, status: 'DELETING' } }));
    const out = await client.send(new DeleteNodegroupCommand({ clusterName: 'demo', nodegroupName: 'ng 1/a' }));
    assert.deepEqual(calls[0], { operation: 'DeleteNodegroup', input: { clusterName: 'demo', nodegroupName: 'ng 1/a' } });
    assert.equal(out.nodegroup?.nodegroupName, 'ng 1/a');
  });

  it('TagResource and UntagResource: an ARN label and a repeated tagKeys querystring', async () => {
    const arn = 'arn:aws:eks:us-east-1:123456789012:cluster/demo';
    const { client, calls } = eksClient(() => ({}));
    await client.send(new TagResourceCommand({ resourceArn: arn, tags: { a: '1', b: '2' } }));
    await client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['a', 'b'] }));
    assert.deepEqual(calls, [
      { operation: 'TagResource', input: { resourceArn: arn, tags: { a: '1', b: '2' } } },
      { operation: 'UntagResource', input: { resourceArn: arn, tagKeys: ['a', 'b'] } },
    ]);
  });

  it('CreateCluster with a bad name: InvalidParameterException with the validation message (value shown)', async () => {
    const { client, calls } = eksClient(() => ({ cluster }));
    const err: unknown = await client.send(new CreateClusterCommand({ name: '-bad name', roleArn: cluster.roleArn, resourcesVpcConfig: {} })).catch((e: unknown) => e);
    assert.ok(err instanceof InvalidParameterException);
    assert.equal(err.message, "1 validation error detected: Value '-bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z][A-Za-z0-9\\-_]*");
    assert.equal(err.$metadata.httpStatusCode, 400);
    assert.equal(calls.length, 0);
  });
});
