/** `tollgate why`'s text for people: what was asked, what decided it, the fix and its commands. */
import type { PolicyKind } from '../policy/index.ts';
import type { WhyExplanation, WhyStatement } from './why.ts';

const KIND_WORDS: Readonly<Record<PolicyKind, string>> = {
  identity: 'identity-based policy', boundary: 'permissions boundary', session: 'session policy', resource: 'resource-based policy',
  trust: 'role trust policy', scp: 'service control policy', rcp: 'resource control policy',
};

function statementLine(s: WhyStatement): string {
  const which = s.sid !== null ? `statement ${s.sid} (#${s.index})` : `statement #${s.index}`;
  const where = s.policy.attachedTo === null ? '' : s.policy.kind === 'scp' ? `, in effect for account ${s.policy.attachedTo}` : `, attached to ${s.policy.attachedTo}`;
  return `  ${s.effect} ${which} of ${KIND_WORDS[s.policy.kind]} ${s.policy.arn ?? s.policy.name}${where}`;
}

/** A blocking kind in words; the service control policies named with their account. */
function missingWords(w: WhyExplanation): (kind: PolicyKind) => string {
  const scps = w.serviceControlPolicies;
  return (kind) => (kind === 'scp' && scps !== null ? `service control policies of account ${scps.accountId} (${scps.names.join(', ')})` : KIND_WORDS[kind]);
}

/** The explanation as text. */
export function renderWhy(w: WhyExplanation): string {
  const lines = [`Request ${w.requestId} at ${w.eventTime}`, `  principal: ${w.principal}`];
  if (w.action === null) {
    lines.push(`  nothing was authorized: the call failed before authorization${w.message ? ` (${w.message})` : ''}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`  action:    ${w.action}`, `  resource:  ${w.resource ?? '*'}`, `  decision:  ${w.decision}`);
  if (w.message) lines.push(`  message:   ${w.message}`);
  if (w.blockedBy.length > 0) lines.push(`Blocked by: ${w.blockedBy.map((k) => KIND_WORDS[k]).join(', ')}`);
  if (w.statements.length > 0) lines.push(w.decision === 'Allowed' ? 'Allowed by:' : 'Deciding statements:', ...w.statements.map(statementLine));
  else if (w.decision === 'ImplicitlyDenied') lines.push(`Missing: no statement of the ${w.blockedBy.map(missingWords(w)).join(' or ')} allows ${w.action} on ${w.resource ?? '*'}.`);
  if (w.fix !== null) {
    lines.push(w.fix.verified ? `Fix (verified: the request decided again with it is ${w.fix.decisionAfter}):` : `Fix (NOT verified: decided again with it, the request is ${w.fix.decisionAfter}):`);
    for (const c of w.fix.changes) {
      const what = c.target.type === 'scp'
        ? `service control policy ${c.target.name} of account ${c.target.accountId ?? '?'}`
        : `${KIND_WORDS[c.policyKind as PolicyKind] ?? c.policyKind} of ${c.target.type} ${c.target.arn ?? c.target.name}`;
      lines.push(`  ${c.kind === 'add-statement' ? 'add to' : 'remove from'} the ${what}:`, `    ${JSON.stringify(c.statement)}`, `    $ ${c.command}`);
    }
  }
  lines.push(`Now: ${w.decisionNow === 'Allowed' ? 'the request would be allowed' : `the request would be ${w.decisionNow === 'ExplicitlyDenied' ? 'explicitly' : 'implicitly'} denied`} by the policies as they are.`);
  return `${lines.join('\n')}\n`;
}
