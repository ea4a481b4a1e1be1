// Generates data/service-linked-roles.json, the catalogue CreateServiceLinkedRole reads.
//
//   node --import tsx scripts/generate-service-linked-roles.ts            # regenerate
//   node --import tsx scripts/generate-service-linked-roles.ts --check    # fail when the file is stale
//
// Sources: data/aws-managed-policies.json (the AWS managed policies; those at /aws-service-role/ are exactly the
// service-linked role policies) and scripts/service-linked-role-facts.json (which service has which role and
// policies, whether it takes a CustomSuffix: facts from AWS's documentation and from answers recorded against AWS).
//
// The policy data also checks the facts: AWS's own managed policies name many service-linked roles in their
// Resource ARNs (`arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`), and a fact whose
// role name contradicts every such ARN for its service is refused, as is a fact naming a policy the data lacks.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const POLICIES_FILE = join(root, 'data/aws-managed-policies.json');
const FACTS_FILE = join(root, 'scripts/service-linked-role-facts.json');
const OUTPUT_FILE = join(root, 'data/service-linked-roles.json');
const SLR_POLICY_PATH = '/aws-service-role/';
const POLICY_ARN_PREFIX = 'arn:aws:iam::aws:policy';

interface Fact {
  readonly service: string;
  readonly role: string;
  readonly policies: readonly string[];
  readonly suffix?: boolean;
  readonly description?: string;
  readonly evidence: 'recorded' | 'documented';
}

interface ManagedPolicy {
  readonly Path: string;
  readonly Document: unknown;
}

/** One catalogue entry, as data/service-linked-roles.json holds it. */
interface CatalogueEntry {
  readonly service: string;
  readonly roleName: string;
  readonly path: string;
  readonly policyArns: readonly string[];
  readonly customSuffixAllowed: boolean;
  readonly description?: string;
}

function fail(message: string): never {
  console.error(`generate-service-linked-roles: ${message}`);
  process.exit(1);
}

function readFacts(): Fact[] {
  const raw = JSON.parse(readFileSync(FACTS_FILE, 'utf8')) as { roles?: unknown };
  if (!Array.isArray(raw.roles)) fail(`${FACTS_FILE}: no "roles" array`);
  const seen = new Set<string>();
  return raw.roles.map((row: unknown, i: number): Fact => {
    const r = row as Partial<Fact>;
    const where = `${FACTS_FILE} roles[${i}]`;
    if (typeof r.service !== 'string' || !/^[a-z0-9.-]+\.amazonaws\.com$/.test(r.service)) fail(`${where}: bad service`);
    if (typeof r.role !== 'string' || !/^[\w+=,.@-]{1,64}$/.test(r.role)) fail(`${where}: bad role`);
    if (!Array.isArray(r.policies) || r.policies.some((p) => typeof p !== 'string')) fail(`${where}: bad policies`);
    if (r.evidence !== 'recorded' && r.evidence !== 'documented') fail(`${where}: evidence must be recorded or documented`);
    if (seen.has(r.service)) fail(`${where}: ${r.service} appears twice`);
    seen.add(r.service);
    return r as Fact;
  });
}

/** Service → role names (a trailing `*` kept as a prefix mark) that AWS's managed policies name in role ARNs. */
function roleNamesInPolicies(policies: Readonly<Record<string, ManagedPolicy>>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const arn = /role\/aws-service-role\/([a-z0-9.-]+\.amazonaws\.com)\/([\w+=,.@*-]+)/g;
  for (const policy of Object.values(policies)) {
    const text = typeof policy.Document === 'string' ? policy.Document : JSON.stringify(policy.Document);
    for (const m of text.matchAll(arn)) {
      const names = found.get(m[1]!) ?? new Set<string>();
      names.add(m[2]!);
      found.set(m[1]!, names);
    }
  }
  return found;
}

function matchesName(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

function build(): { entries: CatalogueEntry[]; report: string[] } {
  const policies = (JSON.parse(readFileSync(POLICIES_FILE, 'utf8')) as { policies: Record<string, ManagedPolicy> }).policies;
  const slrPolicies = new Set(Object.entries(policies).filter(([, p]) => p.Path === SLR_POLICY_PATH).map(([name]) => name));
  const named = roleNamesInPolicies(policies);
  const facts = readFacts();
  const claimed = new Set<string>();
  let confirmed = 0;
  const entries = facts.map((fact): CatalogueEntry => {
    for (const policy of fact.policies) {
      if (!slrPolicies.has(policy)) fail(`${fact.service}: ${policy} is not a service-linked role policy in ${POLICIES_FILE}`);
      claimed.add(policy);
    }
    const patterns = [...(named.get(fact.service) ?? [])].filter((p) => p !== '*');
    if (patterns.length > 0) {
      if (!patterns.some((p) => matchesName(p, fact.role))) fail(`${fact.service}: role ${fact.role}, but AWS's policies name ${patterns.join(', ')}`);
      confirmed++;
    }
    return {
      service: fact.service,
      roleName: fact.role,
      path: `/aws-service-role/${fact.service}/`,
      policyArns: fact.policies.map((p) => `${POLICY_ARN_PREFIX}${SLR_POLICY_PATH}${p}`),
      customSuffixAllowed: fact.suffix === true,
      ...(fact.description !== undefined ? { description: fact.description } : {}),
    };
  }).sort((a, b) => (a.service < b.service ? -1 : 1));
  const unclaimed = [...slrPolicies].filter((p) => !claimed.has(p)).sort();
  const report = [
    `${entries.length} services (${facts.filter((f) => f.evidence === 'recorded').length} recorded against AWS, the rest documented)`,
    `${confirmed} role names confirmed by role ARNs in AWS's managed policies`,
    `${claimed.size} of ${slrPolicies.size} service-linked role policies attached; not yet catalogued: ${unclaimed.length}`,
  ];
  return { entries, report };
}

function render(entries: readonly CatalogueEntry[]): string {
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "source": "Generated by scripts/generate-service-linked-roles.ts from data/aws-managed-policies.json and scripts/service-linked-role-facts.json; do not edit.",\n  "roles": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

const { entries, report } = build();
const text = render(entries);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUTPUT_FILE, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) fail(`${OUTPUT_FILE} is stale: run node --import tsx scripts/generate-service-linked-roles.ts`);
  console.log(`${OUTPUT_FILE} is up to date`);
} else {
  writeFileSync(OUTPUT_FILE, text);
  console.log(`wrote ${OUTPUT_FILE}`);
}
for (const line of report) console.log(`  ${line}`);
