// Generates, from the botocore models vendored in scripts/aws-models/ (botocore-source.ts says why):
//   src/protocol/models/<service>.json   the compact models our codecs and validators read
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
