/** eks:DescribeAccessEntry `GET /clusters/{name}/access-entries/{principalArn}` (docs/aws-behaviour/eks-access-entries.md): authorized on the entry's ARN and resource keys. */
import { defineOperation } from '../../operation.ts';
import { accessEntryCheck } from '../access-entries/access-entry-checks.ts';
import { requireAccessEntry } from '../access-entries/access-entry-lookup.ts';
import { accessEntryToWire } from '../access-entries/access-entry-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';

export const describeAccessEntry = defineOperation('eks', 'DescribeAccessEntry', {
  authorize: async (input, ctx) => [await accessEntryCheck(ctx, 'eks:DescribeAccessEntry', input.clusterName, input.principalArn)],
  handle: async (input, ctx) => ({ accessEntry: accessEntryToWire(await requireAccessEntry(new EksDocuments(ctx), input.clusterName, input.principalArn)) }),
});
