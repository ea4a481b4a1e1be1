// Every file `npm run generate:models` writes, computed in memory: the generator writes them, and
// test/models/generated-files.test.ts checks that the committed files are exactly these.
import { botocoreVersion, readBotocoreModel, SERVICES, type ModeledService } from './botocore-source.ts';
import { compileModel, modelJson } from './compile-model.ts';
import { emitAccessLevels } from './emit-access-levels.ts';
import { emitIndex, emitTypes } from './emit-types.ts';

/** Repository-relative path → content of every generated file. */
export async function generatedFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const version = botocoreVersion();
  const services = Object.keys(SERVICES) as ModeledService[];
  const operations = new Map<string, readonly string[]>();
  for (const service of services) {
    const config = SERVICES[service];
    const boto = readBotocoreModel(service);
    const source = `botocore ${version} data/${config.botocore}/service-2.json`;
    files.set(`src/protocol/models/${service}.json`, modelJson(compileModel(service, config, boto, source)));
    files.set(`src/model-types/${service}.ts`, emitTypes(service, boto, source));
    operations.set(service, Object.keys(boto.operations));
  }
  files.set('src/model-types/index.ts', emitIndex(services));
  files.set('src/services/access-levels.ts', await emitAccessLevels(operations));
  return files;
}
