/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // @microsoft/agents-hosting loads jwks-rsa, whose jose 6 is ESM only: Node 20.19+ require()s it,
  // Jest 29 cannot. Brugbot never calls jwks-rsa (see src/hosts/agents/channel-token.ts), and its
  // two jose calls exist alike in the CommonJS jose 5 that Brugbot itself depends on.
  moduleNameMapper: { '^jose$': '<rootDir>/node_modules/jose' },
  testTimeout: 60000,
  maxWorkers: 2,
};
