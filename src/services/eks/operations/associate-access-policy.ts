/**
 * eks:AssociateAccessPolicy `POST /clusters/{name}/access-entries/{principalArn}/access-policies`
 * (docs/aws-behaviour/eks-access-entries.md): associates one of AWS's access policies with a STANDARD entry at a cluster or
 * namespace scope. Associating a policy again replaces its scope (keeping associatedAt, moving
 * modifiedAt), as the user guide describes. Authorized on the entry with eks:policyArn,
 * eks:accessScope and eks:namespaces from the request.
 */
import { defineOperation } from '../../operation.ts';
import { accessEntryCheck } from '../access-entries/access-entry-checks.ts';
import { notStandardEntry } from '../access-entries/access-entry-errors.ts';
import { requireAccessEntry } from '../access-entries/access-entry-lookup.ts';
import { associationToWire } from '../access-entries/access-entry-wire.ts';
import { checkPolicyArn, checkScope, scopeContext } from '../access-entries/access-scope.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import type { AssociationState } from '../shared/eks-state.ts';

export const associateAccessPolicy = defineOperation('eks', 'AssociateAccessPolicy', {
  authorize: async (input, ctx) => [await accessEntryCheck(ctx, 'eks:AssociateAccessPolicy', input.clusterName, input.principalArn, scopeContext(input.policyArn, input.accessScope))],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const name = input.clusterName;
    const association = await ctx.store.transaction(async (tx): Promise<AssociationState> => {
      const docs = new EksDocuments(ctx, tx);
      const entry = await requireAccessEntry(docs, name, input.principalArn);
      if (entry.type !== 'STANDARD') throw notStandardEntry(name);
      checkPolicyArn(name, input.policyArn);
      const scope = checkScope(name, input.accessScope);
      const previous = entry.policies.find((p) => p.policyArn === input.policyArn);
      const next: AssociationState = { policyArn: input.policyArn, accessScope: scope, associatedAt: previous?.associatedAt ?? now, modifiedAt: now };
      const policies = previous ? entry.policies.map((p) => (p === previous ? next : p)) : [...entry.policies, next];
      await docs.put('accessentry', name, input.principalArn, { ...entry, policies });
      return next;
    });
    return { clusterName: name, principalArn: input.principalArn, associatedAccessPolicy: associationToWire(association) };
  },
});
