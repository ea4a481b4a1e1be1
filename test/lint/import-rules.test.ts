// The layer rules of eslint.config.js bite: a service importing the protocol layer or another service, and
// the protocol layer importing a service or the server, each fail lint; what the layers may share passes.
// Sources are linted as text under the path they would have, so no file of the tree is touched.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages of no-restricted-imports for `source` linted as the file `path` (relative to the repository). */
async function restrictedImports(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: join(root, path) });
  assert.ok(result, `no lint result for ${path}`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: layer import rules', () => {
  it('a service may not import another service: operations or helpers, from any depth', async () => {
    const cases: readonly [string, string][] = [
      ['src/services/eks/role-checks.ts', "import { createRole } from '../iam/operations/create-role.ts';"],
      ['src/services/eks/operations/create-cluster.ts', "import { resourceTagKeys } from '../../iam/shared/tags.ts';"],
      ['src/services/sts/assume-role.ts', "import { eksOperations } from '../eks/index.ts';"],
      ['src/services/iam/shared/tags.ts', "import { assumeRole } from '../../../services/sts/assume-role.ts';"],
      ['src/services/eks/cluster-wire.test.ts', "import { iamOperations } from '../iam/index.ts';"],
    ];
    for (const [path, source] of cases) {
      const messages = await restrictedImports(path, source);
      assert.equal(messages.length, 1, `${path}: ${source}`);
      assert.match(messages[0]!, /may not import another service/);
    }
  });

  it('a service may not import the protocol layer (tests beside it may drive its outputs through the codecs)', async () => {
    for (const [path, source] of [
      ['src/services/eks/clusters/cluster-wire.ts', "import type { ServiceModel } from '../../../protocol/service-model.ts';"],
      ['src/services/iam/operations/get-user.ts', "import { iamModel } from '../../../protocol/models/index.ts';"],
      ['src/services/operation.ts', "import type { ServiceModel } from '../protocol/service-model.ts';"],
    ] as const) {
      const messages = await restrictedImports(path, source);
      assert.equal(messages.length, 1, `${path}: ${source}`);
      assert.match(messages[0]!, /Services import nothing of src\/protocol\//);
    }
    assert.deepEqual(await restrictedImports('src/services/eks/cluster-wire.test.ts', "import { eksModel } from '../../protocol/models/index.ts';"), []);
  });

  it('a service may import the kernel, the policy engine, the store interface, the shared operation types and itself', async () => {
    const source = [
      "import type { WireStructure } from '../../../kernel/wire-value.ts';",
      "import { evaluate } from '../../../policy/index.ts';",
      "import type { Store } from '../../../store/store.ts';",
      "import type { OperationContext } from '../../operation.ts';",
      "import { clusterNotFound } from '../eks-errors.ts';",
    ].join('\n');
    assert.deepEqual(await restrictedImports('src/services/eks/operations/describe-cluster.ts', source), []);
  });

  it('the protocol layer knows no service, server or store: it imports only itself and the kernel', async () => {
    for (const source of [
      "import type { OperationTable } from '../services/operation.ts';",
      "import { eksOperations } from '../../services/eks/index.ts';",
      "import type { HttpRequest } from '../server/http-exchange.ts';",
      "import type { Store } from '../store/store.ts';",
      "import { managedPolicyCatalog } from '../main.ts';",
    ]) {
      const messages = await restrictedImports('src/protocol/rest-json/rest-json1-codec.ts', source);
      assert.equal(messages.length, 1, source);
      assert.match(messages[0]!, /src\/protocol\/ knows no service/);
    }
    const allowed = "import { AwsError } from '../../kernel/aws-error.ts';\nimport type { ServiceModel } from '../service-model.ts';";
    assert.deepEqual(await restrictedImports('src/protocol/rest-json/rest-json1-codec.ts', allowed), []);
  });
});
