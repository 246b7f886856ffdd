import { loadConfig } from '../../src/config';
import { createSsoVerifier, tabSsoSettings, type TabSsoSettings } from '../../src/tab';
import { APP_ID, AUDIENCE, BOT_HOST, FakeEntra, OTHER_TENANT, TENANT } from './fake-entra';

const CREDENTIALS = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'x',
  MicrosoftAppTenantId: TENANT,
  HOST: '127.0.0.1',
};

describe('which tab tokens the bot expects', () => {
  it('is none in local mode', () => {
    expect(tabSsoSettings(loadConfig({}))).toBeUndefined();
  });

  it("defaults to the bot's app id, under its public host, in its own tenant", () => {
    const settings = tabSsoSettings(
      loadConfig({ ...CREDENTIALS, PUBLIC_BASE_URL: `https://${BOT_HOST}/` }),
    );
    expect(settings).toEqual({
      audiences: [AUDIENCE, APP_ID],
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      tenantId: TENANT,
      allowedTenants: [],
    });
  });

  it('follows TAB_SSO_APP_ID (a managed-identity bot needs its own registration) and TAB_SSO_AUDIENCE', () => {
    const tabApp = '00000000-0000-0000-0000-0000000000cc';
    const msi = loadConfig({
      ...CREDENTIALS,
      MicrosoftAppType: 'UserAssignedMSI',
      TAB_SSO_APP_ID: tabApp,
      PUBLIC_BASE_URL: `https://${BOT_HOST}`,
    });
    expect(tabSsoSettings(msi)?.audiences).toEqual([`api://${BOT_HOST}/${tabApp}`, tabApp]);
    const custom = loadConfig({ ...CREDENTIALS, TAB_SSO_AUDIENCE: 'api://plans.example.org/tab' });
    expect(tabSsoSettings(custom)?.audiences).toEqual(['api://plans.example.org/tab', APP_ID]);
  });

  it('accepts other tenants only for a MultiTenant registration, within ALLOWED_TENANTS', () => {
    const multi = { ...CREDENTIALS, MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
    expect(tabSsoSettings(loadConfig(multi))?.tenantId).toBeUndefined();
    const listed = tabSsoSettings(
      loadConfig({ ...multi, ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}` }),
    );
    expect(listed?.allowedTenants).toEqual([TENANT, OTHER_TENANT]);
  });
});

describe('why a tab token is refused', () => {
  const entra = new FakeEntra();
  let settings: TabSsoSettings;
  beforeAll(async () => {
    settings = {
      audiences: [AUDIENCE, APP_ID],
      jwksUrl: await entra.start(),
      tenantId: TENANT,
      allowedTenants: [],
    };
  });
  afterAll(async () => entra.stop());

  const reason = async (
    authorization: string | undefined,
    overrides: Partial<TabSsoSettings> = {},
  ) =>
    createSsoVerifier({ ...settings, ...overrides })(authorization).then(
      (user) => user,
      (error: { reason?: string }) => error.reason,
    );

  it('names each failure, so the log tells an administrator what to fix', async () => {
    expect(await reason(undefined)).toBe('missing');
    expect(await reason(`Basic ${await entra.token('aad-anne')}`)).toBe('missing');
    expect(await reason(`Bearer ${await entra.token('aad-anne', { aud: 'api://other' })}`)).toBe(
      'invalid',
    );
    expect(await reason(`Bearer ${await entra.token('aad-anne', { tid: OTHER_TENANT })}`)).toBe(
      'tenant',
    );
    expect(
      await reason(
        `Bearer ${await entra.token('aad-anne', { iss: `https://sts.windows.net/${OTHER_TENANT}/` })}`,
      ),
    ).toBe('issuer');
    expect(await reason(`Bearer ${await entra.token('aad-anne', { scp: 'User.Read' })}`)).toBe(
      'scope',
    );
  });

  it('compares tenant ids without regard to case, and lets a MultiTenant bot accept other tenants', async () => {
    const upper = await reason(`Bearer ${await entra.token('aad-anne')}`, {
      tenantId: TENANT.toUpperCase(),
    });
    expect(upper).toEqual({ oid: 'aad-anne', tid: TENANT });
    const other = await reason(`Bearer ${await entra.token('aad-x', { tid: OTHER_TENANT })}`, {
      tenantId: undefined,
    });
    expect(other).toEqual({ oid: 'aad-x', tid: OTHER_TENANT });
    const outsideList = await reason(
      `Bearer ${await entra.token('aad-x', { tid: OTHER_TENANT })}`,
      {
        tenantId: undefined,
        allowedTenants: [TENANT],
      },
    );
    expect(outsideList).toBe('tenant');
  });
});
