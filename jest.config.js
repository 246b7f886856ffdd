/**
 * The protocol suites (HTTP activities in, Connector calls out) run against both hosts: once in
 * the default project on botbuilder, and once more in "agents host" on the Microsoft 365 Agents
 * SDK. Same files; `test/helpers/agents-host.js` only sets BOT_SDK, which the bot helpers and
 * spawned bot processes read.
 */
const PROTOCOL_SUITES = [
  'bot/guide-over-http',
  'bot/one-language-over-http',
  'bot/words-over-http',
  'bot/words-in-plans-over-http',
  'bot/content-agnostic-walk',
  'bot/quick-questions-over-http',
  'bot/privacy-commands',
  'bot/copilot-over-http',
  'bot/download-limits-over-http',
  'bot/after-save-over-http',
  'server/cards-are-narrated-in-web-chat',
  'server/typed-text-shown-literally',
  'server/server-contract',
  'server/limits-after-authentication',
  'server/authentication-before-the-body',
  'server/no-internals-in-errors',
  'steering/note-posted-and-updated',
  'steering/linked-team-channel',
  'steering/other-tenants-stay-out',
  'plans/two-processes-share-sqlite',
  'browser/web-chat',
  'insight/insight-after-conversations',
  'insight/feedback-on-answers',
  'documents/documents-command-over-http',
  'followup/schedule-card-updates-in-place',
];

const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // @microsoft/agents-hosting loads jwks-rsa, whose jose 6 is ESM only: Node 20.19+ require()s it,
  // Jest 29 cannot. Brugbot never calls jwks-rsa (see src/hosts/agents/channel-token.ts), and its
  // two jose calls exist alike in the CommonJS jose 5 that Brugbot itself depends on.
  moduleNameMapper: { '^jose$': '<rootDir>/node_modules/jose' },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'botbuilder host', testMatch: ['**/*.test.ts'] },
    {
      ...common,
      displayName: 'agents host',
      testMatch: PROTOCOL_SUITES.map((name) => `<rootDir>/test/${name}.test.ts`),
      setupFiles: ['<rootDir>/test/helpers/agents-host.js'],
    },
  ],
};
