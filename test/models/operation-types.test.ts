// Operations are typed by the generated model types: a member, operation or output member the model
// does not have fails to compile (each `@ts-expect-error` below must meet an error, or `npm run
// typecheck` fails), and the read-only flag comes from the Service Authorization Reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineOperation } from '../../src/services/operation.ts';

test('an operation reads its input and writes its output through the model\'s member names', () => {
  const describe = defineOperation('eks', 'DescribeCluster', {
    // @ts-expect-error `nmae` is not a member of DescribeClusterRequest
    authorize: (input) => [{ action: 'eks:DescribeCluster', resource: input.nmae }],
    // @ts-expect-error `clustr` is not a member of DescribeClusterResponse
    handle: async (input) => ({ clustr: { name: input.name } }),
  });
  assert.equal(describe.name, 'DescribeCluster');
  // @ts-expect-error EKS has no operation DescribeClustr
  defineOperation('eks', 'DescribeClustr', { authorize: () => [], handle: async () => ({}) });
  const update = defineOperation('iam', 'UpdateAccessKey', {
    authorize: () => [],
    handle: async (input) => {
      // @ts-expect-error the model's enum for Status has no `Disabled`: the comparison cannot be true
      if (input.Status === 'Disabled') throw new Error('unreachable');
      return {};
    },
  });
  assert.equal(update.service, 'iam');
});

test('an operation is read-only when the reference gives its action the List or Read access level', () => {
  const flags = [
    defineOperation('eks', 'DescribeCluster', { authorize: () => [], handle: async () => ({}) }),
    defineOperation('eks', 'ListClusters', { authorize: () => [], handle: async () => ({}) }),
    defineOperation('eks', 'CreateCluster', { authorize: () => [], handle: async () => ({}) }),
    defineOperation('eks', 'TagResource', { authorize: () => [], handle: async () => ({}) }),
    defineOperation('iam', 'PutRolePolicy', { authorize: () => [], handle: async () => ({}) }),
    defineOperation('sts', 'GetSessionToken', { authorize: () => [], handle: async () => ({}) }),
    defineOperation('sts', 'AssumeRole', { authorize: () => [], handle: async () => ({}) }),
  ].map((o) => [`${o.service}:${o.name}`, o.readOnly]);
  assert.deepEqual(Object.fromEntries(flags), {
    'eks:DescribeCluster': true, 'eks:ListClusters': true, 'eks:CreateCluster': false, 'eks:TagResource': false,
    'iam:PutRolePolicy': false, 'sts:GetSessionToken': true, 'sts:AssumeRole': false,
  });
});
