import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { buildPackageFiles, schemaErrors } from '../../scripts/package-teams';
import {
  removeScriptOutputs,
  repoRoot,
  runPackageScript,
  testEnv,
  type ScriptRun,
} from './package-script';
import { describeErrors, teamsValidators } from './teams-schemas';

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { file: string }[] };
  developer: Record<string, string>;
  bots: { botId: string; scopes: string[]; supportsFiles: boolean }[];
  staticTabs: { contentUrl?: string }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

let run: ScriptRun;
let zip: JSZip;
let manifest: Manifest;
let localization: Record<string, string>;

afterAll(removeScriptOutputs);

beforeAll(async () => {
  run = runPackageScript(testEnv);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  zip = await JSZip.loadAsync(fs.readFileSync(run.zipPath));
  manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
  localization = JSON.parse(await zip.file('en-us.json')!.async('string')) as Record<
    string,
    string
  >;
});

test('the zip holds exactly the manifest, its localization file and both icons, at the root', () => {
  expect(Object.keys(zip.files).sort()).toEqual(
    ['color.png', 'en-us.json', 'manifest.json', 'outline.png'].sort(),
  );
});

test('the manifest matches the official schema of the version it declares', () => {
  const { manifest: validate } = teamsValidators(manifest.manifestVersion);
  expect(validate(manifest) ? [] : describeErrors(validate)).toEqual([]);
  expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
});

test('the English localization file matches the official localization schema', () => {
  const { localization: validate } = teamsValidators(manifest.manifestVersion);
  expect(validate(localization) ? [] : describeErrors(validate)).toEqual([]);
  expect(localization.$schema).toContain(
    `/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
  );
  expect(manifest.localizationInfo).toEqual({
    defaultLanguageTag: 'nl',
    additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }],
  });
});

test('no {{placeholder}} is left in any file', async () => {
  for (const name of ['manifest.json', 'en-us.json']) {
    expect(await zip.file(name)!.async('string')).not.toMatch(/\{\{|\}\}/);
  }
});

test('the environment ends up where Teams looks for it', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const origin = `https://${testEnv.BOT_DOMAIN}`;
  expect(manifest.id).toBe(testEnv.TEAMS_APP_ID);
  expect(manifest.version).toBe(version);
  expect(manifest.bots[0]!.botId).toBe(testEnv.MicrosoftAppId);
  expect(manifest.validDomains).toEqual([testEnv.BOT_DOMAIN]);
  expect(manifest.webApplicationInfo).toEqual({
    id: testEnv.MicrosoftAppId,
    resource: `api://${testEnv.BOT_DOMAIN}/${testEnv.MicrosoftAppId}`,
  });
  expect(manifest.developer).toMatchObject({
    websiteUrl: origin,
    privacyUrl: `${origin}/privacy`,
    termsOfUseUrl: `${origin}/terms`,
  });
  expect(manifest.staticTabs.map((tab) => tab.contentUrl).filter(Boolean)).toEqual([
    `${origin}/tab`,
  ]);
  expect(manifest.configurableTabs).toMatchObject([
    { configurationUrl: `${origin}/tab/config`, scopes: ['team', 'groupChat'] },
  ]);
});

test('the bot works in personal chats, teams, group chats and Copilot and takes no file uploads', () => {
  expect(manifest.bots).toHaveLength(1);
  expect([...manifest.bots[0]!.scopes].sort()).toEqual([
    'copilot',
    'groupChat',
    'personal',
    'team',
  ]);
  expect(manifest.bots[0]!.supportsFiles).toBe(false);
});

test('APP_VERSION and TAB_SSO_APP_ID override their defaults', () => {
  const ssoAppId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const files = buildPackageFiles({ ...testEnv, APP_VERSION: '2.3.4', TAB_SSO_APP_ID: ssoAppId });
  const built = JSON.parse(files['manifest.json'] as string) as Manifest;
  expect(built.version).toBe('2.3.4');
  expect(built.webApplicationInfo).toEqual({
    id: ssoAppId,
    resource: `api://${testEnv.BOT_DOMAIN}/${ssoAppId}`,
  });
  expect(built.bots[0]!.botId).toBe(testEnv.MicrosoftAppId);
});

test("the script's own schema check rejects a manifest Teams would refuse", () => {
  const files = buildPackageFiles(testEnv);
  const broken = JSON.parse(files['manifest.json'] as string) as Manifest;
  broken.bots[0]!.botId = 'not-a-guid';
  const errors = schemaErrors({ ...files, 'manifest.json': JSON.stringify(broken) });
  expect(errors.join('\n')).toContain('manifest.json/bots/0/botId');
  expect(schemaErrors(files)).toEqual([]);
});
