// Type-checked lint for src/ and test/; generated and vendored files are ignored.
const tseslint = require('typescript-eslint');

/**
 * Import boundaries (README, "How it is built"). Each SDK is imported by its host folder only,
 * and a folder is entered through its index.ts: `../turn` yes, `../turn/host` no.
 */
const BOTBUILDER = [
  'botbuilder',
  'botbuilder-*',
  'botframework-connector',
  'botframework-connector/*',
  'botframework-schema',
];
const AGENTS = ['@microsoft/agents-*'];
const sdkOnlyIn = (host) => ({
  group: host === 'botbuilder' ? BOTBUILDER : AGENTS,
  message: `Only src/hosts/${host}/ imports this SDK; the rest of the bot sees a Turn (src/turn).`,
});
// presentation/ holds one folder per surface (chat, steering, tab, exports, summary, documents):
// each is entered through its own index.ts ('../presentation/chat'), never deeper.
const DEEP = {
  regex: '^(\\.\\./)+(?!presentation/[^./][^/]*$)[^./][^/]*/.+',
  message:
    "Import another folder through its index.ts (e.g. '../turn', not '../turn/host'; '../presentation/chat').",
};
const boundaries = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'deploy/build/**',
      'public/**',
      'data/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({
    ...c,
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
  })),
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Storage implementations are async by contract even when the backend is synchronous.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Tests and the bench read untyped JSON from the fake Connector; unsafe-* rules add noise there, not safety.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/hosts/botbuilder/**', 'src/hosts/agents/**'],
    rules: boundaries(sdkOnlyIn('botbuilder'), sdkOnlyIn('agents'), DEEP),
  },
  {
    files: ['src/hosts/botbuilder/**/*.ts'],
    rules: boundaries(sdkOnlyIn('agents'), DEEP),
  },
  {
    files: ['src/hosts/agents/**/*.ts'],
    rules: boundaries(sdkOnlyIn('botbuilder'), DEEP),
  },
  {
    // The entry files at the top of src/ enter folders through their index.ts too.
    files: ['src/*.ts'],
    rules: boundaries(sdkOnlyIn('botbuilder'), sdkOnlyIn('agents'), {
      regex: '^\\./(?!presentation/[^./][^/]*$)[^/]+/.+',
      message:
        "Import a folder through its index.ts (e.g. './server', not './server/create-server').",
    }),
  },
);
