/** eks:DescribeAccessEntry `GET /clusters/{name}/access-entries/{principalArn}` (EKS-SPEC §2.8): authorized on the entry's ARN and resource keys. */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { defineOperation } from '../../operation.ts';
import { accessEntryCheck } from '../access-entry-checks.ts';
import { requireAccessEntry } from '../access-entry-lookup.ts';
import { accessEntryToWire } from '../access-entry-wire.ts';
import { EksDocuments } from '../eks-documents.ts';

interface DescribeAccessEntryInput {
  readonly clusterName: string;
  readonly principalArn: string;
}

export const describeAccessEntry = defineOperation<DescribeAccessEntryInput, { accessEntry: WireStructure }>({
  readOnly: true,
  authorize: async (input, ctx) => [await accessEntryCheck(ctx, 'eks:DescribeAccessEntry', input.clusterName, input.principalArn)],
  handle: async (input, ctx) => ({ accessEntry: accessEntryToWire(await requireAccessEntry(new EksDocuments(ctx), input.clusterName, input.principalArn)) }),
});
