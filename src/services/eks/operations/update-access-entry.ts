/**
 * eks:UpdateAccessEntry `POST /clusters/{name}/access-entries/{principalArn}` (docs/aws-behaviour/eks-access-entries.md): replaces
 * the groups (declaratively: the list given is the new list) and/or the username, under the rules of
 * CreateAccessEntry for the entry's type. Authorized on the entry's ARN and resource keys.
 */
import { defineOperation } from '../../operation.ts';
import { accessEntryCheck } from '../access-entries/access-entry-checks.ts';
import { requireAccessEntry } from '../access-entries/access-entry-lookup.ts';
import { checkGroups, checkUsername } from '../access-entries/access-entry-validation.ts';
import { accessEntryToWire } from '../access-entries/access-entry-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import type { AccessEntryState } from '../shared/eks-state.ts';

export const updateAccessEntry = defineOperation('eks', 'UpdateAccessEntry', {
  authorize: async (input, ctx) => [await accessEntryCheck(ctx, 'eks:UpdateAccessEntry', input.clusterName, input.principalArn)],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const updated = await ctx.store.transaction(async (tx): Promise<AccessEntryState> => {
      const docs = new EksDocuments(ctx, tx);
      const entry = await requireAccessEntry(docs, input.clusterName, input.principalArn);
      checkGroups(input.clusterName, entry.type, input.kubernetesGroups);
      checkUsername(input.clusterName, entry.type, input.username);
      const next: AccessEntryState = {
        ...entry,
        ...(input.kubernetesGroups === undefined ? {} : { kubernetesGroups: [...input.kubernetesGroups] }),
        ...(input.username === undefined ? {} : { username: input.username }),
        modifiedAt: now,
      };
      await docs.put('accessentry', input.clusterName, input.principalArn, next);
      return next;
    });
    return { accessEntry: accessEntryToWire(updated) };
  },
});
