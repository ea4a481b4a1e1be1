/**
 * The Store conformance suite (docs/architecture.md, "The store"): every Store implementation runs it, so SQLite
 * and PostgreSQL behave alike. Each case opens a fresh, empty store with `open` and closes it.
 */
import { describe } from 'node:test';
import { accountCases } from './conformance/account-cases.ts';
import { credentialCases } from './conformance/credential-cases.ts';
import { eksCases } from './conformance/eks-cases.ts';
import { generationCases } from './conformance/generation-cases.ts';
import { eksEverywhereCases } from './conformance/eks-everywhere-cases.ts';
import { groupCases } from './conformance/group-cases.ts';
import { kubernetesCases } from './conformance/kubernetes-cases.ts';
import { policyCases } from './conformance/policy-cases.ts';
import { recordIdentityCases } from './conformance/record-identity-cases.ts';
import { roleCases } from './conformance/role-cases.ts';
import { scpCases } from './conformance/scp-cases.ts';
import { sessionCases } from './conformance/session-cases.ts';
import { trailCases } from './conformance/trail-cases.ts';
import { transactionCases } from './conformance/transaction-cases.ts';
import { userCases } from './conformance/user-cases.ts';
import type { Store } from './store.ts';

/** Registers the conformance cases for the implementation `name`, each on a fresh store from `open`. */
export function storeConformanceSuite(name: string, open: () => Promise<Store>): void {
  describe(`Store conformance: ${name}`, () => {
    accountCases(open);
    userCases(open);
    groupCases(open);
    roleCases(open);
    policyCases(open);
    credentialCases(open);
    sessionCases(open);
    eksCases(open);
    transactionCases(open);
    generationCases(open);
    eksEverywhereCases(open);
    kubernetesCases(open);
    recordIdentityCases(open);
    trailCases(open);
    scpCases(open);
  });
}
