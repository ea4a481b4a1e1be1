import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldSelector, labelSelector } from './api/selectors.ts';
import { requestInfo } from './request-info.ts';

const info = (method: string, target: string) => {
  const [path, query = ''] = target.split('?');
  const { verb, apiGroup, apiVersion, namespace, resource, subresource, name, isResourceRequest } = requestInfo(method, path!, new URLSearchParams(query));
  return { isResourceRequest, verb, apiGroup, apiVersion, namespace, resource, subresource, name };
};

describe('request info', () => {
  it('reads resource requests as kube-apiserver does', () => {
    assert.deepEqual(info('GET', '/api/v1/namespaces/dev/pods'), { isResourceRequest: true, verb: 'list', apiGroup: '', apiVersion: 'v1', namespace: 'dev', resource: 'pods', subresource: '', name: '' });
    assert.deepEqual(info('GET', '/api/v1/namespaces/dev/pods?fieldSelector=metadata.name%3Dweb&watch=true'), { isResourceRequest: true, verb: 'watch', apiGroup: '', apiVersion: 'v1', namespace: 'dev', resource: 'pods', subresource: '', name: 'web' });
    assert.deepEqual(info('GET', '/api/v1/namespaces/dev/pods?watch=true'), { isResourceRequest: true, verb: 'watch', apiGroup: '', apiVersion: 'v1', namespace: 'dev', resource: 'pods', subresource: '', name: '' });
    assert.deepEqual(info('GET', '/apis/apps/v1/namespaces/dev/deployments/web/scale'), { isResourceRequest: true, verb: 'get', apiGroup: 'apps', apiVersion: 'v1', namespace: 'dev', resource: 'deployments', subresource: 'scale', name: 'web' });
    assert.deepEqual(info('DELETE', '/api/v1/namespaces/dev/configmaps'), { isResourceRequest: true, verb: 'deletecollection', apiGroup: '', apiVersion: 'v1', namespace: 'dev', resource: 'configmaps', subresource: '', name: '' });
    assert.deepEqual(info('GET', '/api/v1/namespaces/dev'), { isResourceRequest: true, verb: 'get', apiGroup: '', apiVersion: 'v1', namespace: 'dev', resource: 'namespaces', subresource: '', name: 'dev' });
    assert.deepEqual(info('PUT', '/api/v1/namespaces/dev/finalize'), { isResourceRequest: true, verb: 'update', apiGroup: '', apiVersion: 'v1', namespace: 'dev', resource: 'namespaces', subresource: 'finalize', name: 'dev' });
    assert.deepEqual(info('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'), { isResourceRequest: true, verb: 'create', apiGroup: 'authorization.k8s.io', apiVersion: 'v1', namespace: '', resource: 'selfsubjectaccessreviews', subresource: '', name: '' });
  });

  it('reads everything else as a non-resource request whose verb is the method', () => {
    for (const path of ['/version', '/api', '/apis', '/apis/apps', '/apis/apps/v1', '/api/v1', '/openapi/v3/api/v1', '/healthz']) {
      assert.deepEqual(info('GET', path), { isResourceRequest: false, verb: 'get', apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '' }, path);
    }
    assert.equal(info('POST', '/healthz').verb, 'post');
  });
});

describe('selectors', () => {
  const obj = (labels: Record<string, string>, name = 'a', namespace = 'dev') => ({ metadata: { name, namespace, labels } });
  it('label selectors: equality, inequality, sets, existence', () => {
    const matches = (selector: string) => [obj({ app: 'web', tier: 'front' }), obj({ app: 'db' }), obj({})].map(labelSelector(selector));
    assert.deepEqual(matches('app=web'), [true, false, false]);
    assert.deepEqual(matches('app==web,tier=front'), [true, false, false]);
    assert.deepEqual(matches('app!=web'), [false, true, true]);
    assert.deepEqual(matches('app in (web, db)'), [true, true, false]);
    assert.deepEqual(matches('app notin (web)'), [false, true, true]);
    assert.deepEqual(matches('tier'), [true, false, false]);
    assert.deepEqual(matches('!tier'), [false, true, true]);
    assert.throws(() => labelSelector('app=(x'), /unable to parse requirement/);
  });

  it('field selectors: metadata.name and metadata.namespace, and the fields of each kind', () => {
    assert.equal(fieldSelector('metadata.name=a')(obj({})), true);
    assert.equal(fieldSelector('metadata.name!=a,metadata.namespace=dev')(obj({})), false);
    assert.throws(() => fieldSelector('spec.nodeName=x', 'ConfigMap'), /"spec.nodeName" is not a known field selector: only "metadata.name", "metadata.namespace"$/);
    const event = { metadata: { name: 'e' }, involvedObject: { kind: 'Deployment', name: 'web' }, source: { component: 'kubelet' } };
    assert.equal(fieldSelector('involvedObject.kind=Deployment,involvedObject.name=web,source=kubelet', 'Event')(event), true);
    assert.equal(fieldSelector('involvedObject.name=api', 'Event')(event), false);
    assert.throws(() => fieldSelector('spec.foo=x', 'Pod'), /field label not supported: spec.foo/);
    assert.equal(fieldSelector('status.phase=Pending', 'Pod')({ status: { phase: 'Pending' } }), true);
  });
});
