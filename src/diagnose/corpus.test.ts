// The denial corpus (corpus/denials.jsonl): real texts as AWS documentation and users' reports show
// them, each with its source URL and the parse it must give; every one is parsed, explained and fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validatePolicy, type DocumentKind } from '../policy/index.ts';
import { diagnoseText } from './diagnose-offline.ts';
import { diagnosisJson, POLICY_TYPES, PRINCIPAL_TYPES, type FixKind } from './diagnosis.ts';

interface Row {
  readonly id: string;
  readonly source: string;
  readonly client: string;
  readonly text: string;
  readonly expect: Record<string, unknown>;
}

const rows: Row[] = readFileSync(new URL('./corpus/denials.jsonl', import.meta.url), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Row);

const VALIDATE_AS: Partial<Record<FixKind, DocumentKind>> = {
  identity: 'identity-inline', boundary: 'boundary', session: 'session', resource: 'resource', trust: 'trust', scp: 'scp', rcp: 'rcp', 'vpc-endpoint': 'resource',
};
/** Values the text did not give, left for the reader: masked accounts and upper-case placeholders. */
const TO_COMPLETE = /\*\*\*|x{3,}|CALLER_ARN|ACCOUNT_ID|<[^>]+>|\{[a-z-]+\}/;

test('the corpus holds at least 40 real denial texts, each with its source', () => {
  assert.ok(rows.length >= 40, `${rows.length} rows`);
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'ids are unique');
  assert.equal(new Set(rows.map((r) => r.text)).size, rows.length, 'texts are distinct');
  for (const row of rows) assert.match(row.source, /^https:\/\/\S+$/, row.id);
  const clients = new Set(rows.map((r) => r.client));
  for (const client of ['aws-cli', 'boto3', 'aws-sdk-go-v2', 'aws-sdk-go-v1', 'aws-sdk-java-v1', 'aws-sdk-js-v2', 'console', 'kubectl', 'documentation']) assert.ok(clients.has(client), `a ${client} text`);
});

for (const row of rows) {
  test(`corpus ${row.id}: parsed as expected, explained, with valid fixes`, () => {
    const diagnosis = diagnoseText(row.text);
    assert.ok(diagnosis, 'the text is read as a denial');
    const json = diagnosisJson(diagnosis);
    const { explanation, fixes: _fixes, verified, ...parsed } = json;
    assert.deepEqual(parsed, row.expect);
    assert.equal(verified, false, 'nothing is verified offline');
    assert.equal(typeof explanation, 'string');
    assert.ok((explanation as string).length > 40);
    assert.deepEqual(Object.keys(json), ['principal', 'principalType', 'account', 'action', 'resource', 'operation', 'reason', 'explanation', 'fixes', 'verified']);
    const d = diagnosis.denial;
    if (d.principalType !== null) assert.ok(PRINCIPAL_TYPES.includes(d.principalType));
    if (d.reason.policyType !== null) assert.ok(POLICY_TYPES.includes(d.reason.policyType));
    for (const fix of diagnosis.fixes) {
      assert.ok(fix.where.length > 10, `${fix.kind}: says where`);
      const validateAs = VALIDATE_AS[fix.kind];
      const text = JSON.stringify(fix.policy);
      if (fix.kind === 'remove-deny') {
        assert.equal(fix.policy['Effect'], 'Deny', 'the statement to find is a Deny');
        assert.equal(fix.policy['Version'], undefined, 'and not a document that could be applied as is');
      } else if (validateAs && !TO_COMPLETE.test(text)) {
        const result = validatePolicy(text, validateAs);
        assert.ok(result.ok, `${fix.kind} fix validates as ${validateAs}: ${result.ok ? '' : result.error.message}`);
      }
    }
    if (d.reason.effect === 'explicit') {
      const allows = diagnosis.fixes.filter((f) => f.kind !== 'remove-deny' && f.kind !== 'scp');
      assert.deepEqual(allows, [], 'an explicit deny is never answered with an Allow');
      assert.ok(diagnosis.fixes.some((f) => f.kind === 'remove-deny'));
    }
    if (d.action !== null && d.reason.effect !== 'explicit' && !d.kubernetes && !/^sts:AssumeRoleWith(SAML)/.test(d.action)) {
      assert.ok(diagnosis.fixes.length > 0, 'a denial naming its action gets a fix');
    }
  });
}
