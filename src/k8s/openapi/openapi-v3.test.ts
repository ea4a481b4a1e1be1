import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESOURCE_TYPES } from '../api/resource-types.ts';
import { openApiDocument, openApiIndex } from './openapi-v3.ts';

type Operation = { parameters?: { name: string; in: string }[]; 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string } };
type Document = { paths: Record<string, { patch?: Operation }>; components: { schemas: Record<string, Record<string, unknown>> } };

function documentFor(key: string): Document {
  const index = openApiIndex() as { paths: Record<string, { serverRelativeURL: string }> };
  assert.match(index.paths[key]!.serverRelativeURL, new RegExp(`^/openapi/v3/${key.replace('.', '\\.')}\\?hash=[0-9A-F]{128}$`));
  return JSON.parse(openApiDocument(key)!) as Document;
}

describe('OpenAPI v3', () => {
  it('lists one document per served group version', () => {
    assert.deepEqual(Object.keys((openApiIndex() as { paths: object }).paths).sort(), ['api/v1', 'apis/apps/v1', 'apis/authentication.k8s.io/v1', 'apis/authorization.k8s.io/v1', 'apis/batch/v1', 'apis/rbac.authorization.k8s.io/v1']);
    assert.equal(openApiDocument('apis/widgets/v1'), undefined);
  });

  it('declares fieldValidation on the PATCH of every stored kind, as kubectl\'s query-parameter check looks for it', () => {
    for (const type of RESOURCE_TYPES.filter((t) => t.storage === 'objects')) {
      const doc = documentFor(type.group === '' ? 'api/v1' : `apis/${type.group}/${type.version}`);
      const patches = Object.values(doc.paths).map((p) => p.patch).filter((op): op is Operation => op?.['x-kubernetes-group-version-kind']?.kind === type.kind && op['x-kubernetes-group-version-kind'].group === type.group);
      assert.ok(patches.length > 0, type.kind);
      for (const op of patches) assert.ok(op.parameters?.some((p) => p.name === 'fieldValidation' && p.in === 'query'), type.kind);
    }
  });

  it('schemas carry the kind and the list-merge keys strategic merge patch uses', () => {
    const doc = documentFor('apis/apps/v1');
    const deployment = doc.components.schemas['io.k8s.api.apps.v1.Deployment']!;
    assert.deepEqual(deployment['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    const podSpec = doc.components.schemas['io.k8s.api.core.v1.PodSpec'] as { properties: Record<string, Record<string, unknown>> };
    assert.equal(podSpec.properties['containers']!['x-kubernetes-patch-merge-key'], 'name');
    assert.equal(podSpec.properties['containers']!['x-kubernetes-patch-strategy'], 'merge');
    assert.deepEqual(podSpec.properties['containers']!['items'], { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' });
    assert.deepEqual(doc.components.schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString'], { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true });
  });
});
