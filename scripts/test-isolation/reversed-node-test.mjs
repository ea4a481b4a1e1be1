// `node:test`, with test, it and describe declaring in reverse order (see reverse-order.mjs).
import * as real from 'node:test';
import { setImmediate } from 'node:timers';

export * from 'node:test';

/** The declarations collected in the describe body being run, or undefined at the top level. */
let inSuite;
/** The top-level declarations collected during the file's evaluation. */
let topLevel;

function declare(declaration) {
  if (inSuite) {
    inSuite.push(declaration);
    return;
  }
  if (!topLevel) {
    topLevel = [];
    setImmediate(() => {
      const all = topLevel.reverse();
      topLevel = undefined;
      for (const d of all) d();
    });
  }
  topLevel.push(declaration);
}

/** `fn`, a describe body, run with its own declarations reversed. */
function reversedBody(fn) {
  return function body(...args) {
    const outer = inSuite;
    inSuite = [];
    try {
      fn.apply(this, args);
    } finally {
      const all = inSuite.reverse();
      inSuite = outer;
      for (const d of all) d();
    }
  };
}

function withReversedBody(args) {
  const i = args.findIndex((a) => typeof a === 'function');
  if (i < 0) return args;
  const copy = [...args];
  copy[i] = reversedBody(args[i]);
  return copy;
}

function wrap(original, isSuite) {
  const wrapped = (...args) => declare(() => original(...(isSuite ? withReversedBody(args) : args)));
  for (const variant of ['skip', 'todo', 'only']) {
    if (typeof original[variant] === 'function') wrapped[variant] = (...args) => declare(() => original[variant](...(isSuite ? withReversedBody(args) : args)));
  }
  return wrapped;
}

export const test = wrap(real.test, false);
export const it = wrap(real.it, false);
export const describe = wrap(real.describe, true);
export const suite = real.suite ? wrap(real.suite, true) : undefined;
export default test;
