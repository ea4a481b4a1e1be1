// Module hooks for reverse-order.mjs: `node:test` resolves to reversed-node-test.mjs, except for that
// module itself.
const SHIM = new URL('./reversed-node-test.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if ((specifier === 'node:test' || specifier === 'test') && context.parentURL !== SHIM) return { url: SHIM, shortCircuit: true };
  return nextResolve(specifier, context);
}
