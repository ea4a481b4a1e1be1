// PolicyExclusionList: by type, by ARN, by inline policy and owner (with wildcards); malformed
// identifiers are InvalidInput.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excluded, readExclusions } from './policy-exclusions.ts';

const inline = (policyName: string, type: string, name: string) => ({ kind: 'inline' as const, arn: undefined, inline: { policyName, type, name } });
const managed = (arn: string) => ({ kind: 'user-managed' as const, arn, inline: undefined });

test('by type, by ARN, by inline policy with owner wildcards', () => {
  const byType = readExclusions([{ PolicyType: 'inline' }]);
  assert.equal(excluded(byType, inline('P', 'user', 'alice')), true);
  assert.equal(excluded(byType, managed('arn:aws:iam::111122223333:policy/M')), false);
  const byArn = readExclusions([{ PolicyArn: 'arn:aws:iam::111122223333:policy/team/M' }]);
  assert.equal(excluded(byArn, managed('arn:aws:iam::111122223333:policy/team/M')), true);
  assert.equal(excluded(byArn, managed('arn:aws:iam::111122223333:policy/M')), false);
  const byInline = readExclusions([{ InlinePolicyIdentifier: { PolicyName: 'P', AttachmentType: 'group', AttachmentName: 'dev-?-*' } }]);
  assert.equal(excluded(byInline, inline('P', 'group', 'dev-a-readers')), true);
  assert.equal(excluded(byInline, inline('P', 'group', 'dev-ab-readers')), false);
  assert.equal(excluded(byInline, inline('P', 'user', 'dev-a-readers')), false);
  assert.equal(excluded(readExclusions([{ PolicyType: 'scp' }]), inline('P', 'user', 'alice')), false);
});

test('malformed identifiers are InvalidInput', () => {
  for (const bad of [
    {},
    { PolicyType: 'inline', PolicyArn: 'arn:aws:iam::111122223333:policy/M' },
    { PolicyType: 'session' },
    { PolicyArn: 'arn:aws:iam::111122223333:policy/*' },
    { InlinePolicyIdentifier: { PolicyName: 'P', AttachmentType: 'user', AttachmentName: 'a*b*' } },
    { InlinePolicyIdentifier: { PolicyName: 'P', AttachmentType: 'account', AttachmentName: 'a' } },
  ]) {
    assert.throws(() => readExclusions([bad]), { name: 'InvalidInput' }, JSON.stringify(bad));
  }
});
