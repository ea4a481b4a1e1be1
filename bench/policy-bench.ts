/**
 * `npm run bench:policy`: decisions per second and µs per decision for the workloads of
 * policy-workloads.ts, with and without tracing, and W2 with 100,000 other principals' policy sets
 * loaded. Prints a table, or with `--json` one JSON object per line.
 */
import { parseArgs } from 'node:util';
import type { Decision } from '../src/policy/decision.ts';
import { evaluate } from '../src/policy/evaluate.ts';
import { PolicySet } from '../src/policy/policy-set.ts';
import { TraceRecorder } from '../src/policy/trace.ts';
import { compiled, workloads, type Workload } from './policy-workloads.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, seconds: { type: 'string', default: '1' }, others: { type: 'string', default: '100000' } } });
const seconds = Number(values.seconds);

interface Row { workload: string; trace: boolean; decisionsPerSecond: number; usPerDecision: number }

/** Runs `decide` repeatedly for about `seconds`, after a warm-up, and returns the rate. */
function measure(decide: () => Decision, expected: string): { decisionsPerSecond: number; usPerDecision: number } {
  const deadline = (s: number) => performance.now() + s * 1000;
  let end = deadline(Math.min(0.3, seconds / 3));
  let wrong = 0;
  while (performance.now() < end) for (let i = 0; i < 1000; i++) if (decide().decision !== expected) wrong++;
  let count = 0;
  const start = performance.now();
  end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    // Every result is read, so the engine cannot optimise the call away.
    for (let i = 0; i < 2000; i++) if (decide().decision !== expected) wrong++;
    count += 2000;
    now = performance.now();
  }
  if (wrong > 0) throw new Error(`${wrong} decisions differed from ${expected}`);
  const elapsed = (now - start) / 1000;
  return { decisionsPerSecond: Math.round(count / elapsed), usPerDecision: Number(((elapsed / count) * 1e6).toFixed(3)) };
}

function check(w: Workload): void {
  const got = evaluate(w.request, w.set).decision;
  if (got !== w.expected) throw new Error(`${w.name}: expected ${w.expected}, got ${got}`);
}

const rows: Row[] = [];
const emit = (row: Row) => {
  rows.push(row);
  if (values.json) console.log(JSON.stringify(row));
};

const all = workloads();
for (const w of all) {
  check(w);
  emit({ workload: w.name, trace: false, ...measure(() => evaluate(w.request, w.set), w.expected) });
  emit({ workload: w.name, trace: true, ...measure(() => evaluate(w.request, w.set, new TraceRecorder()), w.expected) });
}

// W2 again, the principal's set looked up among 100,000 other principals' sets, as the server's cache holds them.
const w2 = all.find((w) => w.name === 'W2')!;
const others = Number(values.others);
const cache = new Map<string, PolicySet>();
for (let i = 0; i < others; i++) {
  const name = `user${i}`;
  const inline = compiled(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['eks:Describe*', 's3:GetObject'], Resource: `arn:aws:eks:*:111122223333:cluster/${name}-*` }] },
    'identity', `${name}-inline`, 'identity-inline',
  );
  const set = new PolicySet({ identity: [inline] });
  set.forAction('eks:describecluster');
  cache.set(`AIDA${i}`, set);
}
cache.set('AIDAEXAMPLEALICE0001', w2.set);
const lookupAndDecide = () => evaluate(w2.request, cache.get('AIDAEXAMPLEALICE0001')!);
const plain = new Map([['AIDAEXAMPLEALICE0001', w2.set]]);
emit({ workload: 'W2-lookup', trace: false, ...measure(() => evaluate(w2.request, plain.get('AIDAEXAMPLEALICE0001')!), 'Allowed') });
emit({ workload: `W2+${others}`, trace: false, ...measure(lookupAndDecide, 'Allowed') });

if (!values.json) {
  console.log('workload        trace  decisions/s   µs/decision');
  for (const r of rows) console.log(`${r.workload.padEnd(15)} ${String(r.trace).padEnd(6)} ${String(r.decisionsPerSecond).padStart(11)}   ${r.usPerDecision.toFixed(3).padStart(11)}`);
  const rate = (name: string, trace = false) => rows.find((r) => r.workload === name && r.trace === trace)!.decisionsPerSecond;
  const ratio = rate(`W2+${others}`) / rate('W2-lookup');
  console.log(`\nW2 with ${others} other principals loaded / W2 alone (same lookup): ${(ratio * 100).toFixed(1)}%`);
  console.log(`targets: W1 ≥ 3,000,000/s (${rate('W1')}), W2 ≥ 500,000/s (${rate('W2')}), W2 traced ≥ 50,000/s (${rate('W2', true)}), W2+others within 10% of W2`);
}
