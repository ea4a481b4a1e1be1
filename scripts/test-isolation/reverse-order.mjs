// `node --import ./reverse-order.mjs`: every test file that imports `node:test` gets a version of it
// that declares the file's tests (top level, and in each describe) in reverse order, so a test that
// only passes after another has run is found. Used by check-test-isolation.mjs.
import { register } from 'node:module';

register('./reverse-order-hooks.mjs', import.meta.url);
