// Lint: the recommended JavaScript and TypeScript rules, plus the project's architecture rules
// (which stage may import which I/O library). `npm run lint` = eslint + the strict type check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const onlyIn = (pattern, name, message) => ({ group: [pattern], message: `${name}: ${message}` });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Rows of raw SQL in tests are read loosely on purpose; production code stays typed.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/decoders/**/*.ts', 'src/pipeline/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        onlyIn('pg', 'pg', 'only src/postgres/ talks to PostgreSQL'),
        onlyIn('ioredis', 'ioredis', 'only src/redis/ talks to Redis'),
        onlyIn('node:fs*', 'node:fs', 'decoders and the pipeline do no I/O'),
      ] }],
    },
  },
);
