// Lint: the recommended JavaScript and TypeScript rules. The architecture rules (stage order, which stage
// may import which I/O library) are dependency-cruiser's: .dependency-cruiser.cjs. `npm run lint` = eslint +
// those rules + the strict type check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
);
