// The simulator decides as real requests are decided: every case of the policy corpus
// (src/policy/cases/) that the simulator can express (identity policies, a permissions boundary, a
// resource-based or trust policy, SCPs; a user or role-session caller) is run through the simulator — its policies
// as document texts, its context as ContextEntries — and must give the decision the engine gives the
// case's request, which is what Tollgate answers a real call with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parseJsonDocument, TRUST_ACTIONS, principalContextKeys, type ContextInput, type JsonValue } from '../policy/index.ts';
import { isJsonObject } from '../policy/json-document.ts';
import { prepareCase } from '../policy/policy-case.ts';
import { simulatedPolicy, type SimulatedPolicy } from './simulated-policy.ts';
import { Simulation } from './simulation.ts';
import type { PolicyKind } from '../policy/index.ts';

const casesDir = fileURLToPath(new URL('../policy/cases', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : e.endsWith('.jsonl') ? [join(dir, e)] : []));

const OUTCOME = { Allowed: 'allowed', ImplicitlyDenied: 'implicitDeny', ExplicitlyDenied: 'explicitDeny' } as const;

function policiesOf(slot: JsonValue | undefined, kind: PolicyKind, idPrefix: string): SimulatedPolicy[] {
  if (!Array.isArray(slot)) return [];
  return slot.map((entry, i) => {
    const e = entry as { policy: JsonValue; arn?: string };
    const text = typeof e.policy === 'string' ? e.policy : JSON.stringify(e.policy, null, 2);
    return simulatedPolicy({ id: `${idPrefix}.${i + 1}`, type: 'none', text, kind, arn: e.arn });
  });
}

test('the simulator gives the decision of the real request for every simulatable corpus case', () => {
  let compared = 0;
  const mismatches: string[] = [];
  for (const file of files(casesDir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const value = parseJsonDocument(line);
      if (!isJsonObject(value) || value['expectedError'] !== undefined) continue;
      const policies = isJsonObject(value['policies']) ? value['policies'] : {};
      if (policies['session'] !== undefined || policies['rcp'] !== undefined) continue;
      const prepared = prepareCase(value, String(value['name']));
      const { request } = prepared;
      if (request.principal.type !== 'User' && request.principal.type !== 'AssumedRole') continue;
      const real = evaluate(request, prepared.policies).decision;

      const context: Record<string, ContextInput> = { ...principalContextKeys(request.principal) };
      for (const [key, v] of request.context.entries()) context[key] = v;
      const scp = Array.isArray(policies['scp']) ? policies['scp'] : [];
      // For the role-trust actions the resource slot holds the role's trust policy (see docs/aws-behaviour/policy-simulator.md).
      const resourceText = policiesOf(policies['resource'], TRUST_ACTIONS.has(request.lowerAction) ? 'trust' : 'resource', 'ResourcePolicy');
      const simulation = new Simulation({
        identity: policiesOf(policies['identity'], 'identity', 'PolicyInputList'),
        boundary: policiesOf(policies['boundary'], 'boundary', 'PermissionsBoundaryPolicyInputList'),
        organizations: scp.map((level) => policiesOf((level as { policies?: JsonValue }).policies, 'scp', 'SCP')),
        resourcePolicy: resourceText[0],
        caller: request.principal,
        resourceOwner: request.resourceAccount,
        resourceArns: [request.resource.text],
        context,
      });
      const simulated = simulation.evaluateAction(request.action);
      compared++;
      if (simulated.EvalDecision !== OUTCOME[real]) mismatches.push(`${String(value['name'])}: simulator ${simulated.EvalDecision}, real ${real}`);
      assert.equal(simulated.ResourceSpecificResults?.[0]?.EvalResourceDecision, simulated.EvalDecision);
    }
  }
  assert.deepEqual(mismatches, []);
  assert.ok(compared >= 700, `only ${compared} corpus cases could be simulated`);
});
