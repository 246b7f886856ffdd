import fs from 'node:fs';
import path from 'node:path';
import { bicepOutputs, readBicep } from './bicep-source';
import { repoRoot } from './package-script';

// The Agents Toolkit stops on a ${{NAME}} it cannot fill, and treats an empty value as unfilled
// (except APP_NAME_SUFFIX). These tests replay that for deploy/m365agents.yml.
const deployDir = path.join(repoRoot, 'deploy');
const read = (file: string) => fs.readFileSync(path.join(deployDir, file), 'utf8');
const yml = read('m365agents.yml');
const placeholders = (text: string) =>
  [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

const envExample = Object.fromEntries(
  read('env/.env.dev.example')
    .split('\n')
    .filter((line) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
);
const filledBeforeProvision = new Set([
  ...Object.keys(envExample).filter((name) => envExample[name] !== ''),
  'APP_NAME_SUFFIX',
]);
// Asked for interactively when empty, so they need no value in the file.
const promptedFor = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];
const fromTeamsAppCreate = [...yml.matchAll(/teamsAppId: (\w+)/g)].map((m) => m[1]!);
const fromBicep = bicepOutputs(readBicep('main.bicep'));
const [beforeArm, fromArm] = yml.split(/^ {2}- uses: arm\/deploy$/m) as [string, string];
const armStep = fromArm.slice(0, fromArm.indexOf('\n  - uses:'));
const afterArm = fromArm.slice(armStep.length);

test('the yml has the provision and deploy steps, in order', () => {
  const uses = [...yml.matchAll(/^ {2}- uses: (\S+)$/gm)].map((m) => m[1]);
  expect(uses).toEqual([
    'teamsApp/create',
    'arm/deploy',
    'cli/runNpmCommand',
    'script',
    'teamsApp/validateManifest',
    'teamsApp/zipAppPackage',
    'teamsApp/validateAppPackage',
    'teamsApp/update',
    'cli/runNpmCommand',
    'cli/runNpmCommand',
    'azureAppService/zipDeploy',
  ]);
});

test('the ARM parameters use only variables that have a value before provisioning', () => {
  const known = new Set([...filledBeforeProvision, ...fromTeamsAppCreate]);
  const used = placeholders(read('infra/main.parameters.json'));
  expect(used.length).toBeGreaterThan(0);
  expect(used.filter((name) => !known.has(name))).toEqual([]);
});

test('steps up to arm/deploy use only variables the env file or teamsApp/create provide', () => {
  const known = new Set([...filledBeforeProvision, ...promptedFor, ...fromTeamsAppCreate]);
  const used = [...placeholders(beforeArm), ...placeholders(armStep)];
  expect(used.filter((name) => !known.has(name))).toEqual([]);
});

test('the app package and later steps use only variables provisioning has written by then', () => {
  const known = new Set([...filledBeforeProvision, ...fromTeamsAppCreate, ...fromBicep]);
  const used = [
    ...placeholders(read('appPackage/manifest.json')),
    ...placeholders(read('appPackage/en-us.json')),
    ...placeholders(afterArm),
  ];
  expect(used.filter((name) => !known.has(name))).toEqual([]);
});

test('the env example lists every value provisioning writes', () => {
  const listed = Object.keys(envExample);
  expect([...fromTeamsAppCreate, ...fromBicep].filter((name) => !listed.includes(name))).toEqual(
    [],
  );
});

test('files the yml points to exist', () => {
  const fromDeploy = [...yml.matchAll(/^\s+(?:path|parameters|manifestPath): (\.\/\S+)$/gm)].map(
    (m) => m[1]!,
  );
  const fromRoot = [...yml.matchAll(/^\s+ignoreFile: (\S+)$/gm)].map((m) => m[1]!);
  const scripts = [...yml.matchAll(/run: node (\S+\.js)/g)].map((m) => m[1]!);
  expect(fromDeploy.length + fromRoot.length + scripts.length).toBeGreaterThanOrEqual(5);
  for (const file of [...fromDeploy, ...scripts])
    expect(fs.existsSync(path.join(deployDir, file))).toBe(true);
  for (const file of fromRoot) expect(fs.existsSync(path.join(repoRoot, file))).toBe(true);
});
