/**
 * eks:DisassociateAccessPolicy `DELETE /clusters/{name}/access-entries/{principalArn}/access-policies/{policyArn}`
 * (docs/aws-behaviour/eks-access-entries.md): answers `{}`. Authorized on the entry with eks:policyArn from the path and
 * eks:accessScope / eks:namespaces from the stored association (the request carries no scope; which scope AWS sets here is not documented).
 */
import { defineOperation } from '../../operation.ts';
import { accessEntryCheck, findAccessEntry } from '../access-entries/access-entry-checks.ts';
import { requireAccessEntry } from '../access-entries/access-entry-lookup.ts';
import { associationNotFound, scopeContext } from '../access-entries/access-scope.ts';
import { EksDocuments } from '../shared/eks-documents.ts';

export const disassociateAccessPolicy = defineOperation('eks', 'DisassociateAccessPolicy', {
  authorize: async (input, ctx) => {
    const entry = await findAccessEntry(ctx, input.clusterName, input.principalArn);
    const scope = entry?.policies.find((p) => p.policyArn === input.policyArn)?.accessScope;
    return [await accessEntryCheck(ctx, 'eks:DisassociateAccessPolicy', input.clusterName, input.principalArn, scopeContext(input.policyArn, scope))];
  },
  handle: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const entry = await requireAccessEntry(docs, input.clusterName, input.principalArn);
      if (!entry.policies.some((p) => p.policyArn === input.policyArn)) throw associationNotFound(input.clusterName, input.policyArn);
      await docs.put('accessentry', input.clusterName, input.principalArn, { ...entry, policies: entry.policies.filter((p) => p.policyArn !== input.policyArn) });
    });
    return {};
  },
});
