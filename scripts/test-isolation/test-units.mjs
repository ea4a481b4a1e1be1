// A reporter for Node's test runner that prints one JSON line per unit of isolation: a test declared
// at the top of a file or directly inside a describe (subtests made with `t.test` belong to their
// parent, since Node runs them only when the parent runs). Used by check-test-isolation.mjs.
export default async function* testUnits(source) {
  /** Finished tests waiting for their parent, by nesting level. */
  const pending = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, details, skip, todo } = event.data;
    const isSuite = details?.type === 'suite';
    const children = pending.get(nesting + 1) ?? [];
    pending.delete(nesting + 1);
    if (isSuite) for (const child of children) yield `${JSON.stringify(child)}\n`;
    const unit = { name, ok: event.type === 'test:pass', skipped: Boolean(skip || todo) };
    if (nesting === 0) {
      if (!isSuite) yield `${JSON.stringify(unit)}\n`;
    } else if (!isSuite) {
      pending.set(nesting, [...(pending.get(nesting) ?? []), unit]);
    }
  }
}
