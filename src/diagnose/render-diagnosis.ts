/**
 * The human answer of `tollgate diagnose`: what was denied and to whom, why, each fix with where it
 * goes and its JSON, and whether it was verified.
 */
import type { Diagnosis } from './diagnosis.ts';
import { reasonWords } from './reason-phrase.ts';

function row(label: string, value: string | null): string[] {
  return value === null ? [] : [`${label.padEnd(9)}${value}`];
}

/** The diagnosis as text for a terminal. */
export function renderDiagnosis(diagnosis: Diagnosis): string {
  const d = diagnosis.denial;
  const denied = d.action ? `${d.action}${d.resource ? ` on ${d.resource}` : ''}` : d.operation ?? d.errorCode;
  const who = d.principal ? `${d.principal}${d.principalType ? ` (${d.principalType}${d.account ? `, account ${d.account}` : ''})` : ''}` : null;
  const lines = [
    ...row('Denied', denied),
    ...row('Caller', who),
    ...row('Call', d.operation),
    ...row('Reason', d.kubernetes ? null : reasonWords(d.reason)),
    ...row('Request', d.requestId),
    '',
    diagnosis.explanation,
    '',
  ];
  if (diagnosis.fixes.length === 0) lines.push('No fix can be written from this text alone.', '');
  diagnosis.fixes.forEach((fix, i) => {
    lines.push(`Fix ${i + 1}: ${fix.where}`, JSON.stringify(fix.policy, null, 2), '');
  });
  lines.push(diagnosis.verified
    ? 'Verified: yes (the request was decided again with the fixes applied, and allowed).'
    : 'Verified: no (pass --data-dir to decide it again with Tollgate\'s policy engine over the caller\'s policies).');
  return `${lines.join('\n')}\n`;
}
