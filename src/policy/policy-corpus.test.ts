// The golden corpus (cases/<topic>/*.jsonl): every case must give its expected decision and message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJsonObject, parseJsonDocument } from './json-document.ts';
import { runCaseLine } from './policy-case.ts';

const casesDir = fileURLToPath(new URL('./cases', import.meta.url));

function caseFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return caseFiles(path);
    return entry.endsWith('.jsonl') ? [path] : [];
  });
}

const files = caseFiles(casesDir).sort();
const names = new Set<string>();
let total = 0;

for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  total += lines.length;
  test(`corpus ${relative(casesDir, file)} (${lines.length} cases)`, () => {
    const failures: string[] = [];
    lines.forEach((line, i) => {
      const value = parseJsonDocument(line);
      assert.ok(isJsonObject(value), `${file}:${i + 1} is not an object`);
      const name = value['name'];
      assert.equal(typeof name, 'string', `${file}:${i + 1} has no name`);
      assert.ok(!names.has(name as string), `duplicate case name ${String(name)}`);
      names.add(name as string);
      const provenance = value['provenance'];
      assert.ok(
        typeof provenance === 'string' && (provenance === 'derived' || provenance.startsWith('https://docs.aws.amazon.com/')),
        `${String(name)}: provenance must be "derived" or an AWS documentation URL`,
      );
      const hasExpectation = ['expected', 'expectedError'].some((k) => value[k] !== undefined);
      assert.ok(hasExpectation, `${String(name)}: no expected decision or error`);
      if (value['expected'] !== undefined && value['expected'] !== 'Allowed') {
        assert.equal(typeof value['expectedMessage'], 'string', `${String(name)}: a denial case must give expectedMessage`);
      }
      const result = runCaseLine(line);
      if (result.pass !== true) failures.push(JSON.stringify(result));
    });
    assert.deepEqual(failures, [], `failing cases in ${relative(casesDir, file)}`);
  });
}

test('the corpus holds at least 400 cases', () => {
  assert.ok(total >= 400, `only ${total} cases`);
});
