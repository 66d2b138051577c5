// ESLint: TypeScript and Astro rules, plus the layer boundaries from design.md (models < machines < islands).
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

const noApp = {
  group: ['**/islands/**', '**/machines/**', '**/components/**', '**/layouts/**', '**/pages/**', '**/scripts/**'],
  message: 'Models are pure: they import nothing from the app.',
};
const noReact = { group: ['react', 'react-dom', 'react-dom/*', 'preact', 'preact/*', '@xstate/react'], message: 'Only src/islands/ may use React.' };

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'infra/cdk.out/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/models/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noApp, noReact, { group: ['xstate', 'xstate/*'], message: 'Models know nothing of XState; machines wrap them.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'Models run without a DOM.' },
        { name: 'document', message: 'Models run without a DOM.' },
        { name: 'localStorage', message: 'Models run without a DOM.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass a seeded generator in; never Math.random.' }],
    },
  },
  {
    files: ['src/machines/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noReact, { group: ['**/islands/**', '**/components/**', '**/pages/**'], message: 'Machines never import the renderer.' }] },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass a seeded generator in; never Math.random.' }],
    },
  },
  {
    files: ['src/**/*.astro', 'src/lib/**', 'src/schemas/**', 'src/scripts/**', 'src/components/**', 'src/layouts/**', 'src/pages/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noReact, { group: ['xstate', 'xstate/*'], message: '.astro files and page scripts never import XState; islands do.' }] },
      ],
    },
  },
  {
    files: ['src/sim-kit/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noApp,
            noReact,
            { group: ['xstate', 'xstate/*', '**/sim-kit/machine/**', '**/sim-kit/react/**'], message: 'The kit core is pure: no XState, no React.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The kit core runs without a DOM.' },
        { name: 'document', message: 'The kit core runs without a DOM.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass a seeded generator in; never Math.random.' }],
    },
  },
  {
    files: ['src/sim-kit/machine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noApp, noReact, { group: ['**/sim-kit/react/**'], message: 'Kit machines never import the renderer.' }] },
      ],
    },
  },
  {
    files: ['src/sim-kit/react/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/islands/**', '**/models/**', '**/machines/**', '**/sims/**'],
              message: 'The kit knows no particular sim: sims import the kit, never the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/islands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.)[^/]+/', message: 'An island never imports another island: share code through src/sim-kit/.' }] },
      ],
    },
  },
);
