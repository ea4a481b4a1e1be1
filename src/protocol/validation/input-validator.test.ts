// Model-driven validation, checked against AWS's ValidationError messages as recorded from real answers
// (docs/aws-behaviour/wire-protocols.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../kernel/aws-error.ts';
import { eksModel, iamModel, stsModel } from '../models/index.ts';
import type { ServiceModel } from '../service-model.ts';
import type { WireStructure } from '../../kernel/wire-value.ts';
import { validateInput } from './input-validator.ts';
import { assertValidInput, validationError } from './validation-message.ts';

const TAG_KEY = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+';

/** The message the service would answer, or undefined when the input is valid. */
function message(model: ServiceModel, operation: string, input: WireStructure): string | undefined {
  return validationError(model, validateInput(model, operation, input))?.message;
}
const one = (text: string): string => `1 validation error detected: ${text}`;

describe('validation messages, IAM style (value omitted)', () => {
  const cases: readonly [string, WireStructure, string][] = [
    ['GetPolicyVersion', { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', VersionId: 'x' }, "Value at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"],
    ['CreateUser', { UserName: 'alice', Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] }, "Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128"],
    ['UpdateAccessKey', { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Bogus' }, "Value at 'status' failed to satisfy constraint: Member must satisfy enum value set"],
    ['CreateUser', { UserName: 'alice', Path: `/${'p'.repeat(511)}/` }, "Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 512"],
    ['CreateUser', { UserName: 'bad name' }, "Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"],
    ['CreateUser', {}, "Value null at 'userName' failed to satisfy constraint: Member must not be null"],
    ['ListUsers', { MaxItems: 0 }, "Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    ['CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: '{}', MaxSessionDuration: 50000 }, "Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200"],
    ['CreateUser', { UserName: 'alice', Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' })) }, "Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"],
    ['UntagUser', { UserName: 'alice', TagKeys: ['ok', 'k'.repeat(129)] },
      `Value at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ${TAG_KEY}, Member must not be null]`],
  ];
  for (const [operation, input, expected] of cases) {
    it(`${operation}: ${expected.slice(0, 60)}…`, () => assert.equal(message(iamModel, operation, input), one(expected)));
  }

  it('reports length first and stops there for that member', () => {
    assert.equal(message(iamModel, 'CreateUser', { UserName: '!'.repeat(65) }), one("Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64"));
  });

  it('joins several errors with `; ` in model order, and counts them', () => {
    const input = { Path: 'no-slash', RoleName: 'r!', AssumeRolePolicyDocument: '', Tags: [{ Key: 'k', Value: 'v\u0001' }] };
    assert.equal(message(iamModel, 'CreateRole', input), '4 validation errors detected: '
      + "Value at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); "
      + "Value at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; "
      + "Value at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must have length greater than or equal to 1; "
      + "Value at 'tags.1.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  });

  it('accepts valid input, Unicode letters in tags included', () => {
    assert.deepEqual(validateInput(iamModel, 'CreateUser', { UserName: 'alice+bob@example.com', Path: '/team/', Tags: [{ Key: 'Ünïcode 東京', Value: '' }] }), []);
    assert.deepEqual(validateInput(iamModel, 'GetAccountSummary', {}), []);
  });

  it('throws the ValidationError (400, Sender) from assertValidInput', () => {
    assert.throws(() => assertValidInput(iamModel, 'GetUser', { UserName: 'a b' }), (e: unknown) => e instanceof AwsError && e.code === 'ValidationError' && e.httpStatus === 400 && e.fault === 'Sender');
    assert.doesNotThrow(() => assertValidInput(iamModel, 'GetUser', { UserName: 'ab' }));
  });
});

describe('validation messages, STS style (value shown)', () => {
  it('quotes the value, as recorded for roleSessionName', () => {
    const name = 's'.repeat(65);
    assert.equal(message(stsModel, 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: name }),
      one(`Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`));
  });

  it('shows lists as Java does: [a, b]', () => {
    assert.equal(message(stsModel, 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'ss', TransitiveTagKeys: ['ok', 'bad!'] }),
      one(`Value '[ok, bad!]' at 'transitiveTagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ${TAG_KEY}, Member must not be null]`));
  });

  it('checks GetFederationToken.Policy against its 2048 maximum', () => {
    const doc = `{"a":"${'x'.repeat(2050)}"}`;
    assert.equal(message(stsModel, 'GetFederationToken', { Name: 'bob', Policy: doc }),
      one(`Value '${doc}' at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048`));
  });
});

describe('validation messages, EKS (InvalidParameterException)', () => {
  const cluster = { name: 'demo', roleArn: 'arn:aws:iam::1:role/r', resourcesVpcConfig: {} };

  it('uses InvalidParameterException 400 and lists enum values', () => {
    const error = validationError(eksModel, validateInput(eksModel, 'CreateNodegroup', { clusterName: 'demo', nodegroupName: 'ng', subnets: ['s'], nodeRole: 'r', capacityType: 'CHEAP' }));
    assert.equal(error?.code, 'InvalidParameterException');
    assert.equal(error?.httpStatus, 400);
    assert.equal(error?.message, one("Value 'CHEAP' at 'capacityType' failed to satisfy constraint: Member must satisfy enum value set: [ON_DEMAND, SPOT, CAPACITY_BLOCK]"));
  });

  it('reports required members, map sizes, map keys and nested numbers', () => {
    assert.equal(message(eksModel, 'CreateCluster', { name: 'demo' }), '2 validation errors detected: '
      + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null; Value null at 'resourcesVpcConfig' failed to satisfy constraint: Member must not be null");
    assert.equal(message(eksModel, 'CreateCluster', { ...cluster, tags: {} }), one("Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1"));
    assert.equal(message(eksModel, 'CreateCluster', { ...cluster, tags: { ['k'.repeat(129)]: 'v' } }),
      one(`Value '{${'k'.repeat(129)}=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]`));
    assert.equal(message(eksModel, 'UpdateNodegroupConfig', { clusterName: 'demo', nodegroupName: 'ng', updateConfig: { maxUnavailable: 0 } }),
      one("Value '0' at 'updateConfig.maxUnavailable' failed to satisfy constraint: Member must have value greater than or equal to 1"));
  });
});
