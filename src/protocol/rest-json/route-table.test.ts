// restJson1 routing over the real EKS model: every operation's method and URI template
// (docs/aws-behaviour/wire-protocols.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eksModel } from '../models/index.ts';
import { parseServiceModel } from '../service-model.ts';
import { RouteTable } from './route-table.ts';

const routes = new RouteTable(eksModel);
const route = (method: string, path: string, query = '') => routes.match(method, path, new URLSearchParams(query));

describe('restJson1 routing (EKS)', () => {
  const table: readonly [string, string, string, Record<string, string>][] = [
    ['POST', '/clusters', 'CreateCluster', {}],
    ['GET', '/clusters', 'ListClusters', {}],
    ['GET', '/clusters/demo', 'DescribeCluster', { name: 'demo' }],
    ['DELETE', '/clusters/demo', 'DeleteCluster', { name: 'demo' }],
    ['POST', '/clusters/demo/update-config', 'UpdateClusterConfig', { name: 'demo' }],
    ['POST', '/clusters/demo/updates', 'UpdateClusterVersion', { name: 'demo' }],
    ['GET', '/clusters/demo/updates/u-1', 'DescribeUpdate', { name: 'demo', updateId: 'u-1' }],
    ['GET', '/clusters/demo/updates', 'ListUpdates', { name: 'demo' }],
    ['POST', '/clusters/demo/node-groups', 'CreateNodegroup', { name: 'demo' }],
    ['GET', '/clusters/demo/node-groups', 'ListNodegroups', { name: 'demo' }],
    ['GET', '/clusters/demo/node-groups/ng', 'DescribeNodegroup', { name: 'demo', nodegroupName: 'ng' }],
    ['DELETE', '/clusters/demo/node-groups/ng', 'DeleteNodegroup', { name: 'demo', nodegroupName: 'ng' }],
    ['POST', '/clusters/demo/node-groups/ng/update-config', 'UpdateNodegroupConfig', { name: 'demo', nodegroupName: 'ng' }],
    ['POST', '/clusters/demo/node-groups/ng/update-version', 'UpdateNodegroupVersion', { name: 'demo', nodegroupName: 'ng' }],
    ['POST', '/tags/arn%3Aaws%3Aeks%3Aus-east-1%3A123456789012%3Acluster%2Fdemo', 'TagResource', { resourceArn: 'arn:aws:eks:us-east-1:123456789012:cluster/demo' }],
    ['DELETE', '/tags/arn%3Aaws%3Aeks%3Aus-east-1%3A1%3Acluster%2Fdemo', 'UntagResource', { resourceArn: 'arn:aws:eks:us-east-1:1:cluster/demo' }],
    ['GET', '/tags/arn%3Ax', 'ListTagsForResource', { resourceArn: 'arn:x' }],
    ['POST', '/clusters/demo/access-entries', 'CreateAccessEntry', { name: 'demo' }],
    ['GET', '/clusters/demo/access-entries/arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fpath%2Fr1', 'DescribeAccessEntry', { name: 'demo', principalArn: 'arn:aws:iam::1:role/path/r1' }],
  ];
  for (const [method, path, operation, labels] of table) {
    it(`${method} ${path} → ${operation}`, () => assert.deepEqual(route(method, path), { operation, labels }));
  }

  it('matches methods case-insensitively and tolerates a trailing slash', () => {
    assert.equal(route('get', '/clusters/demo/')?.operation, 'DescribeCluster');
  });

  it('finds nothing for unknown paths, wrong methods, empty labels or broken escapes', () => {
    assert.equal(route('GET', '/nope'), undefined);
    assert.equal(route('PUT', '/clusters/demo'), undefined);
    assert.equal(route('GET', '/clusters//node-groups'), undefined);
    assert.equal(route('GET', '/clusters/%E0%A4%A'), undefined);
    assert.equal(route('GET', '/clusters/demo/node-groups/ng/extra/more'), undefined);
  });

  it('supports greedy labels and literal query parts in templates', () => {
    const model = parseServiceModel({
      metadata: { service: 'demo', protocol: 'rest-json', apiVersion: '1', validation: { code: 'X', httpStatus: 400, showValues: true, listEnumValues: true }, source: 'test' },
      operations: {
        GetObject: { http: { method: 'GET', requestUri: '/{Bucket}/{Key+}' } },
        GetAcl: { http: { method: 'GET', requestUri: '/{Bucket}/{Key+}?acl' } },
        ListBucket: { http: { method: 'GET', requestUri: '/{Bucket}' } },
      },
      shapes: {},
      errors: {},
    });
    const table = new RouteTable(model);
    assert.deepEqual(table.match('GET', '/b/a/b%2Fc.txt'), { operation: 'GetObject', labels: { Bucket: 'b', Key: 'a/b/c.txt' } });
    assert.equal(table.match('GET', '/b/k', new URLSearchParams('acl'))?.operation, 'GetAcl');
    assert.equal(table.match('GET', '/b')?.operation, 'ListBucket');
    // The same path asked again, with and without the query parameter: the query still decides.
    assert.equal(table.match('GET', '/b/k')?.operation, 'GetObject');
    assert.equal(table.match('GET', '/b/k', new URLSearchParams('acl'))?.operation, 'GetAcl');
    assert.equal(table.match('GET', '/b/k')?.operation, 'GetObject');
  });

  it('answers a path asked again as the first time (matches are remembered by method and path)', () => {
    const fresh = new RouteTable(eksModel);
    for (let round = 0; round < 3; round++) {
      assert.deepEqual(fresh.match('GET', '/clusters/a/node-groups/b'), { operation: 'DescribeNodegroup', labels: { name: 'a', nodegroupName: 'b' } });
      assert.deepEqual(fresh.match('GET', '/clusters/a'), { operation: 'DescribeCluster', labels: { name: 'a' } });
      assert.deepEqual(fresh.match('DELETE', '/clusters/a'), { operation: 'DeleteCluster', labels: { name: 'a' } });
      assert.equal(fresh.match('GET', '/clusters/a/unknown'), undefined);
    }
  });
});
