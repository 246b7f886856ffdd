import fs from 'node:fs';
import { removeScriptOutputs, runPackageScript, testEnv } from './package-script';

const cases: { name: string; env: Record<string, string | undefined>; variable: string }[] = [
  {
    name: 'TEAMS_APP_ID is missing',
    env: { ...testEnv, TEAMS_APP_ID: undefined },
    variable: 'TEAMS_APP_ID',
  },
  {
    name: 'TEAMS_APP_ID is blank',
    env: { ...testEnv, TEAMS_APP_ID: '  ' },
    variable: 'TEAMS_APP_ID',
  },
  {
    name: 'MicrosoftAppId is missing',
    env: { ...testEnv, MicrosoftAppId: undefined },
    variable: 'MicrosoftAppId',
  },
  {
    name: 'MicrosoftAppId is no UUID',
    env: { ...testEnv, MicrosoftAppId: 'brugbot' },
    variable: 'MicrosoftAppId',
  },
  {
    name: 'BOT_DOMAIN is missing',
    env: { ...testEnv, BOT_DOMAIN: undefined },
    variable: 'BOT_DOMAIN',
  },
  {
    name: 'BOT_DOMAIN has a scheme',
    env: { ...testEnv, BOT_DOMAIN: 'https://app-brugbot-test.azurewebsites.net' },
    variable: 'BOT_DOMAIN',
  },
  {
    name: 'BOT_DOMAIN has a path',
    env: { ...testEnv, BOT_DOMAIN: 'example.org/bot' },
    variable: 'BOT_DOMAIN',
  },
  {
    name: 'APP_VERSION is no x.y.z',
    env: { ...testEnv, APP_VERSION: 'v1.0' },
    variable: 'APP_VERSION',
  },
  {
    name: 'TAB_SSO_APP_ID is no UUID',
    env: { ...testEnv, TAB_SSO_APP_ID: 'sso' },
    variable: 'TAB_SSO_APP_ID',
  },
];

afterAll(removeScriptOutputs);

test.each(cases)('exits non-zero and names the variable when $name', ({ env, variable }) => {
  const run = runPackageScript(env);
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(new RegExp(`^${variable} `, 'm'));
  expect(fs.existsSync(run.zipPath)).toBe(false);
});

test('reports every wrong variable at once', () => {
  const run = runPackageScript({});
  expect(run.status).not.toBe(0);
  for (const variable of ['TEAMS_APP_ID', 'MicrosoftAppId', 'BOT_DOMAIN']) {
    expect(run.stderr).toMatch(new RegExp(`^${variable} is required`, 'm'));
  }
});
