/**
 * The code's own defaults that the end-to-end tests rely on, imported from where the code defines them
 * (never copied into a test as a literal), so that a test follows when a default changes. One module,
 * so that when the code's files move only this one follows.
 */
export { DEFAULT_ACCOUNT_ID } from '../../src/main.ts';
