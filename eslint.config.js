// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders that must stay pure: they import nothing of ours but kernel/ (docs/architecture.md, "Layers and their rules"). */
const pureLayers = ['policy', 'sigv4'];
const outerLayers = ['server', 'services', 'store', 'cli', 'protocol'];

/** What src/ holds: its folders (the layers) and its loose files (the composition root). */
const srcEntries = readdirSync(new URL('./src/', import.meta.url), { withFileTypes: true });
/** The services, one folder each under src/services/ (a new service is covered by the rules below as it is added). */
// src/services/shared/ is not a service: it holds what several services share, so any may import it.
const services = readdirSync(new URL('./src/services/', import.meta.url), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'shared').map((e) => e.name);

/** The protocol layer knows no service and no server: it imports only itself and src/kernel/. */
const protocolImports = {
  group: srcEntries.filter((e) => e.name !== 'protocol' && e.name !== 'kernel').map((e) => (e.isDirectory() ? `**/${e.name}/**` : `**/${e.name}`)),
  message: 'src/protocol/ knows no service: it may import only itself and src/kernel/.',
};
/** Services see decoded wire values (src/kernel/wire-value.ts), never the codecs or models that made them. */
const noProtocolImports = { group: ['**/protocol/**'], message: 'Services import nothing of src/protocol/: wire value types are in src/kernel/wire-value.ts.' };
/** The Kubernetes endpoint builds on EKS, never the other way round. */
const noK8sImports = { group: ['**/k8s/**'], message: 'src/services/ may not import src/k8s/ (the Kubernetes endpoint depends on EKS, not the reverse).' };
/** No service imports another service (its operations or helpers): what two services share lives outside both. */
const noServiceImports = (service) => ({
  regex: `^(?:\\.\\./)+(?:services/)?(?:${[...services.filter((s) => s !== service), '(?!)'].join('|')})(?:/|$)`,
  message: `src/services/${service}/ may not import another service; move what is shared out of both services.`,
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.tollgate/**', 'coverage/**', 'dist/**', 'console/dist/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // With noUncheckedIndexedAccess, `!` after a bounds-checked index is the honest idiom in hot loops.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an `as const` table instead of an enum.' }],
    },
  },
  {
    // The command's entry and its bundle loader are CommonJS (Node starts them without its ES module loader).
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...pureLayers.map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    ignores: ['**/*.test.ts'], // tests may read fixtures and start processes
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...outerLayers, ...pureLayers.filter((l) => l !== layer)].map((l) => `**/${l}/**`), message: `src/${layer}/ may import only itself and src/kernel/.` },
          { group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:child_process', 'fs', 'http', 'net'], message: `src/${layer}/ does no I/O.` },
        ],
      }],
    },
  })),
  {
    files: ['src/protocol/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [protocolImports] }] },
  },
  {
    files: ['src/services/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noProtocolImports, noK8sImports] }] },
  },
  ...services.flatMap((service) => [
    {
      files: [`src/services/${service}/**/*.ts`],
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [noProtocolImports, noK8sImports, noServiceImports(service)] }] },
    },
    {
      // Tests beside a service may drive its outputs through the codecs, but not reach into another service.
      files: [`src/services/${service}/**/*.test.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [noServiceImports(service)] }] },
    },
  ]),
  {
    files: ['src/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: 'src/kernel/ is a leaf: it imports nothing of ours.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
