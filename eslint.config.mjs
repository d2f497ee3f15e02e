// ESLint: the architecture's boundaries plus a few rules that catch real bugs. No stylistic rules
// (Prettier formats). Run by `npm run lint` and by `npm test` before the suites.
//
// Boundaries (see the house rules and issue #10):
//   - src/domain imports nothing outside itself except zod and dayjs;
//   - a feature imports another feature only through its index.ts;
//   - a cloud function never imports another function's folder (shared code lives in _lib);
//   - the client (src/) never imports cloudfunctions/ or emulator/.
import { readdirSync } from 'node:fs';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const functionNames = readdirSync(new URL('./cloudfunctions/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== '_lib')
  .map((d) => d.name);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const restrict = (...patterns) => ['error', { patterns }];

const CLIENT_NO_SERVER = { regex: '(^|/)(cloudfunctions|emulator)(/|$)', message: 'The client (src/) never imports server code (cloudfunctions/, emulator/).' };
const FEATURE_DEEP = {
  regex: '^@/features/[^/]+/.+',
  message: 'A feature imports another feature only through its index.ts (@/features/<name>); inside a feature, use relative imports.',
};
const FEATURE_RELATIVE = {
  regex: '^\\.\\./[^./][^/]*/',
  message: 'A feature imports another feature only through its index.ts (@/features/<name>).',
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'build/**', '.cloudbase-local/**', 'test-artifacts/**', 'coverage/**', '**/*.scss', 'types/**/*.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks },
    // The code carries disable comments for rules this config does not run: not an error.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    // Real bugs only (no style): each passes on the code as it is.
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-negation': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-constant-binary-expression': 'error',
      'no-compare-neg-zero': 'error',
      'no-sparse-arrays': 'error',
      'no-unused-private-class-members': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      'no-dupe-else-if': 'error',
      'no-import-assign': 'error',
      'no-loss-of-precision': 'error',
      'no-empty-character-class': 'error',
      'no-invalid-regexp': 'error',
    },
  },
  // Hooks exist only on the client; server helpers may be named use… (e.g. _lib/files.ts useFiles).
  { files: ['src/**/*.{ts,tsx}'], rules: { 'react-hooks/rules-of-hooks': 'error' } },

  // The client never imports server code.
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict(CLIENT_NO_SERVER) } },

  // The domain imports only itself, zod and dayjs.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(CLIENT_NO_SERVER, {
        regex: '^(?!(zod|dayjs)(/|$)|\\.{1,2}/|@/domain/)',
        message: 'src/domain is pure: it imports only src/domain, zod and dayjs.',
      }),
    },
  },
  {
    files: ['src/domain/*.ts'],
    rules: {
      'no-restricted-imports': restrict(CLIENT_NO_SERVER, {
        regex: '^(?!(zod|dayjs)(/|$)|\\./|@/domain/)',
        message: 'src/domain is pure: it imports only src/domain, zod and dayjs.',
      }),
    },
  },
  {
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(CLIENT_NO_SERVER, {
        regex: '^(?!(zod|dayjs)(/|$)|\\./|\\.\\./(?!\\.\\./)|@/domain/)',
        message: 'src/domain is pure: it imports only src/domain, zod and dayjs.',
      }),
    },
  },

  // Features talk to each other through their index.ts.
  { files: ['src/features/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict(CLIENT_NO_SERVER, FEATURE_DEEP, FEATURE_RELATIVE) } },

  // A function never imports another function's folder; _lib never imports a function.
  ...functionNames.map((name) => {
    const allowed = ['_lib'];
    return {
      files: [`cloudfunctions/${name}/**/*.ts`],
      rules: {
        'no-restricted-imports': restrict({
          regex: `^\\.\\./(?!(${allowed.map(escape).join('|')})(/|$)|\\.\\./)`,
          message: `cloudfunctions/${name} never imports another function's folder: what several functions need goes in cloudfunctions/_lib.`,
        }),
      },
    };
  }),
  {
    files: ['cloudfunctions/_lib/**/*.ts'],
    rules: { 'no-restricted-imports': restrict({ regex: '^\\.\\./(?!\\.\\./)', message: "cloudfunctions/_lib never imports a function's folder." }) },
  },
);
