// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders that must stay pure: they import nothing of ours but kernel/ (DESIGN.md, "The one picture"). */
const pureLayers = ['policy', 'sigv4'];
const outerLayers = ['server', 'services', 'store', 'cli', 'protocol'];

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
    // services/ answer AWS APIs; the Kubernetes endpoint builds on EKS, never the other way round.
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/k8s/**'], message: 'src/services/ may not import src/k8s/ (the Kubernetes endpoint depends on EKS, not the reverse).' }] }],
    },
  },
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
