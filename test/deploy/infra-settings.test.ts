import fs from 'node:fs';
import path from 'node:path';
import { readBicep } from './bicep-source';
import { repoRoot } from './package-script';

const main = readBicep('main.bicep');
const bot = readBicep('modules/azure-bot.bicep');

/** Names set in `var appSettings = { ... }` of main.bicep. */
function appSettingNames(): string[] {
  const block = /^var appSettings = \{\n([\s\S]*?)\n\}/m.exec(main)?.[1] ?? '';
  return [...block.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]!);
}

function configSource(): string {
  const dir = path.join(repoRoot, 'src', 'config');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
}

test('every app setting the template sets is one the bot reads (platform settings aside)', () => {
  const platformSettings = ['SCM_DO_BUILD_DURING_DEPLOYMENT'];
  const names = appSettingNames();
  expect(names).toEqual(
    expect.arrayContaining(['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId']),
  );
  const config = configSource();
  const unread = names.filter((n) => !platformSettings.includes(n) && !config.includes(n));
  expect(unread).toEqual([]);
});

test('the app accepts the deploying tenant only unless told otherwise (ALLOWED_TENANTS)', () => {
  expect(appSettingNames()).toContain('ALLOWED_TENANTS');
  expect(main).toMatch(/^ {2}ALLOWED_TENANTS: allowedTenants$/m);
  expect(main).toMatch(/^param allowedTenants string = tenant\(\)\.tenantId$/m);
});

test('the app runs blob storage in a private container with a year of retention by default', () => {
  expect(main).toMatch(/^ {2}STORAGE: 'blob'$/m);
  expect(main).toMatch(/^param blobContainerName string = 'brugbot'$/m);
  expect(main).toMatch(/^param retentionDays int = 365$/m);
  expect(main).toMatch(/publicAccess: 'None'/);
});

test('the web app is a Linux Node 24 LTS site reachable over HTTPS with TLS 1.2 only', () => {
  expect(main).toMatch(/^param linuxFxVersion string = 'NODE\|24-lts'$/m);
  expect(main).toMatch(/kind: 'app,linux'/);
  expect(main).toMatch(/httpsOnly: true/);
  expect(main).toMatch(/minTlsVersion: '1\.2'/);
  expect(main).toMatch(/ftpsState: 'Disabled'/);
});

test('the storage account is StorageV2, TLS 1.2, without public blob access', () => {
  expect(main).toMatch(/kind: 'StorageV2'/);
  expect(main).toMatch(/minimumTlsVersion: 'TLS1_2'/);
  expect(main).toMatch(/allowBlobPublicAccess: false/);
  expect(main).toMatch(/supportsHttpsTrafficOnly: true/);
});

test('the bot defaults to a user-assigned managed identity and never to multi-tenant', () => {
  expect(main).toMatch(/^param botAppType string = 'UserAssignedMSI'$/m);
  expect(`${main}\n${bot}`).not.toMatch(/MultiTenant/);
  for (const property of ['msaAppType', 'msaAppId', 'msaAppTenantId', 'msaAppMSIResourceId']) {
    expect(bot).toMatch(new RegExp(`^ {4}${property}: `, 'm'));
  }
  expect(main).toMatch(
    /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/,
  );
});

test('the Teams channel is enabled on the Azure Bot', () => {
  expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
  expect(bot).toMatch(/isEnabled: true/);
});
