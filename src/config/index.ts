import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../paths';
import type { StorageConfig } from '../storage';
import { DEFAULT_DOWNLOAD_LIMITS } from '../downloads';
import { isLoopbackAddress } from '../server';

/** The one default place of the SQLite file; a relative SQLITE_PATH is taken from here too. */
export const DEFAULT_SQLITE_PATH = path.join(repoRoot, 'data', 'brugbot.sqlite');
export const DEFAULT_BLOB_CONTAINER = 'brugbot-state';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  /** Set only when the bot runs behind a reverse proxy on a trusted network. */
  HOST: optionalString,
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ),
  MicrosoftAppTenantId: optionalString,
  STORAGE: z.preprocess(
    emptyToUndefined,
    z
      .enum(['sqlite', 'blob', 'memory'], {
        errorMap: () => ({ message: 'must be sqlite, blob or memory' }),
      })
      .default('sqlite'),
  ),
  /** Relative paths are taken from the repository root, wherever the process was started. */
  SQLITE_PATH: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(DEFAULT_SQLITE_PATH)
      .transform((file) => path.resolve(repoRoot, file)),
  ),
  AZURE_STORAGE_CONNECTION_STRING: optionalString,
  AZURE_STORAGE_CONTAINER: z.preprocess(
    emptyToUndefined,
    z
      .string()
      // Azure's container naming rule, checked here so the error names the setting.
      .regex(
        /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/,
        'must be 3-63 lowercase letters, digits or single hyphens',
      )
      .default(DEFAULT_BLOB_CONTAINER),
  ),
  /** Where channel signing keys are published; only for sovereign clouds and for tests. */
  BOTFRAMEWORK_OPENID_METADATA_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  /** Public https origin of the bot, for download links; defaults to the local URL in local mode. */
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  RETENTION_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3650).default(365),
  ),
  /** Days the usage counters (src/insight) keep their daily buckets. */
  INSIGHT_RETENTION_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3650).default(400),
  ),
  /** Entra object ids (comma-separated) who may read /api/insight with credentials. */
  INSIGHT_ADMINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9A-Za-z-]{1,64}(,[0-9A-Za-z-]{1,64})*$/, 'comma-separated Entra object ids')
      .optional(),
  ),
  /** OpenTelemetry's own settings: with an OTLP endpoint the usage counters become metrics too. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url().optional()),
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url().optional()),
  /** The Entra app the Teams tab's SSO token is issued for (docs/deploy.md §2); defaults to MicrosoftAppId. */
  TAB_SSO_APP_ID: optionalString,
  /** Application ID URI of that app; defaults to api://<PUBLIC_BASE_URL host>/<TAB_SSO_APP_ID>. */
  TAB_SSO_AUDIENCE: optionalString,
  /** Where Entra publishes its signing keys; only for sovereign clouds and for tests. */
  TAB_SSO_JWKS_URL: z.preprocess(
    emptyToUndefined,
    z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  ),
  /**
   * The Teams app's id (manifest `id`, TEAMS_APP_ID in deploy/): with it the steering note links
   * to the plan tab inside Teams. Without it the note says where the plan is instead.
   */
  TEAMS_APP_ID: z.preprocess(emptyToUndefined, z.string().uuid().optional()),
  /** The steering group's Teams channel that every plan's note goes to unless a team linked its own. */
  STEERING_SERVICE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  STEERING_CHANNEL_ID: optionalString,
  STEERING_TENANT_ID: optionalString,
  STEERING_TEAM_ID: optionalString,
  /** At most one in-place update of a plan's note per this many ms (Teams throttles per thread). */
  STEERING_DEBOUNCE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  ),
  /** First retry delay of a failed post; doubles per attempt up to an hour. */
  STEERING_RETRY_BASE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3_600_000).default(5_000),
  ),
  /** How often the outbox worker looks for due posts. */
  STEERING_POLL_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(10).max(60_000).default(1_000),
  ),
  /** How often the follow-up worker looks for due check-ins (they are due by the day, not the second). */
  FOLLOWUP_POLL_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  ),
  /** First retry delay of an undelivered check-in (429, 5xx); doubles per attempt up to an hour. */
  FOLLOWUP_RETRY_BASE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  ),
  /** Comma-separated Entra tenant ids; activities from other tenants are refused. Empty: any. */
  ALLOWED_TENANTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9a-fA-F-]+(,[0-9a-fA-F-]+)*$/, 'comma-separated tenant ids')
      .optional(),
  ),
  /** Per conversation: a burst of this many activities, refilled at RATE_LIMIT_PER_SECOND. */
  RATE_LIMIT_BURST: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(40)),
  RATE_LIMIT_PER_SECOND: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(10)),
  /**
   * Credential mode only, counted after authentication: all conversations of one tenant, and all
   * activities together. The defaults sit well above a municipality's use and below what one
   * process serves (about 350 turns/s measured), so a flood is refused before it slows others.
   */
  RATE_LIMIT_TENANT_BURST: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).default(200),
  ),
  RATE_LIMIT_TENANT_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce.number().positive().default(50),
  ),
  RATE_LIMIT_GLOBAL_BURST: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).default(400),
  ),
  RATE_LIMIT_GLOBAL_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce.number().positive().default(150),
  ),
  /**
   * Bytes of change log kept per plan; older changes are compacted per day beyond it (README,
   * "What is stored"). At most 2 MB: a log never outgrows 1.5 times its budget, so a plan's data
   * export always fits in one download (5 MB).
   */
  HISTORY_BUDGET_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(65_536).max(2_000_000).default(1_000_000),
  ),
  /** Live download links one person, and one tenant, may have stored at once. */
  DOWNLOADS_PER_USER: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(1000).default(DEFAULT_DOWNLOAD_LIMITS.perUser),
  ),
  DOWNLOADS_PER_TENANT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(100000).default(DEFAULT_DOWNLOAD_LIMITS.perTenant),
  ),
  /** How often expired download links are deleted. */
  DOWNLOAD_PURGE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  ),
  /** The plan tab's API, per person and per tenant (after the SSO token is checked). */
  TAB_RATE_LIMIT_BURST: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(10000).default(20),
  ),
  TAB_RATE_LIMIT_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce.number().positive().default(2),
  ),
  TAB_RATE_LIMIT_TENANT_BURST: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(100000).default(200),
  ),
  TAB_RATE_LIMIT_TENANT_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce.number().positive().default(20),
  ),
  /** Tab exports per person: a burst, then this many a minute. */
  TAB_EXPORT_BURST: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(1000).default(5),
  ),
  TAB_EXPORT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(6)),
  /** A request whose body has not fully arrived after this long is answered 408 and closed. */
  REQUEST_BODY_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(100).max(300_000).default(10_000),
  ),
  /** Which Bot Framework SDK carries the activities: botbuilder 4.x (default) or the M365 Agents SDK. */
  BOT_SDK: z.preprocess(emptyToUndefined, z.enum(['botbuilder', 'agents']).default('botbuilder')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export interface AppConfig {
  /** The host (src/hosts) that runs turns; both serve the same routes with the same checks. */
  botSdk: 'botbuilder' | 'agents';
  port: number;
  host: string;
  /** No app id means local mode: no JWT validation, loopback only, local channels on. */
  localMode: boolean;
  auth: {
    MicrosoftAppId?: string;
    MicrosoftAppPassword?: string;
    MicrosoftAppType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    MicrosoftAppTenantId?: string;
  };
  /** Only the chosen store's settings; `createStorage` takes this as it is. */
  storage: StorageConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  publicBaseUrl?: string;
  retentionDays: number;
  openIdMetadataUrl?: string;
  allowedTenants: string[];
  /** Slow bodies are cut off after this many ms (Node's own limit is 300 s). */
  requestBodyTimeoutMs: number;
  /** Token buckets: per conversation always; per tenant and global in credential mode only. */
  rateLimit: {
    burst: number;
    perSecond: number;
    tenant?: { burst: number; perSecond: number };
    global?: { burst: number; perSecond: number };
  };
  steering: {
    /** The configured steering channel, when STEERING_SERVICE_URL and friends are set. */
    channel?: { serviceUrl: string; channelId: string; tenantId: string; teamId?: string };
    debounceMs: number;
    retryBaseMs: number;
    pollMs: number;
    /** The Teams app id the note's deep link to the plan tab needs. */
    teamsAppId?: string;
  };
  followup: { pollMs: number; retryBaseMs: number };
  /** Raw tab single-sign-on settings; `src/tab` derives the accepted audiences and tenant. */
  tabSso: { appId?: string; audience?: string; jwksUrl: string };
  /** The change log's byte budget per plan. */
  historyBudgetBytes: number;
  /** Caps on live download links and how often expired ones are purged. */
  downloads: { perUser: number; perTenant: number; purgeMs: number };
  /** The plan tab API's token buckets (`src/tab/tab-limits.ts`). */
  tabLimits: {
    user: { burst: number; perSecond: number };
    tenant: { burst: number; perSecond: number };
    exports: { burst: number; perSecond: number };
  };
  /** Usage counters: bucket retention, who may read them, where OTel metrics go (if anywhere). */
  insight: { retentionDays: number; admins: string[]; otlpMetricsUrl?: string };
}

function storageConfig(e: z.infer<typeof envSchema>): StorageConfig {
  switch (e.STORAGE) {
    case 'memory':
      return { kind: 'memory' };
    case 'sqlite':
      return { kind: 'sqlite', sqlitePath: e.SQLITE_PATH };
    case 'blob':
      if (!e.AZURE_STORAGE_CONNECTION_STRING) {
        throw new ConfigError('STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING');
      }
      return {
        kind: 'blob',
        blobConnectionString: e.AZURE_STORAGE_CONNECTION_STRING,
        blobContainer: e.AZURE_STORAGE_CONTAINER,
      };
  }
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; every error names the variable to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n- ${lines.join('\n- ')}`);
  }
  const e = parsed.data;
  const localMode = !e.MicrosoftAppId;
  if (!localMode && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword is required when MicrosoftAppId is set');
  }
  if (!localMode && e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError(
      `MicrosoftAppTenantId is required for MicrosoftAppType=${e.MicrosoftAppType}`,
    );
  }
  const steeringSet = [e.STEERING_SERVICE_URL, e.STEERING_CHANNEL_ID, e.STEERING_TENANT_ID].filter(
    Boolean,
  ).length;
  if (steeringSet > 0 && steeringSet < 3) {
    throw new ConfigError(
      'STEERING_SERVICE_URL, STEERING_CHANNEL_ID and STEERING_TENANT_ID go together: set all three or none',
    );
  }
  if (localMode && e.HOST && !isLoopbackAddress(e.HOST)) {
    throw new ConfigError('HOST: local mode (no MicrosoftAppId) listens on loopback only');
  }
  return {
    botSdk: e.BOT_SDK,
    port: e.PORT,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    localMode,
    auth: {
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
    storage: storageConfig(e),
    logLevel: e.LOG_LEVEL,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    retentionDays: e.RETENTION_DAYS,
    openIdMetadataUrl: e.BOTFRAMEWORK_OPENID_METADATA_URL,
    allowedTenants: e.ALLOWED_TENANTS ? e.ALLOWED_TENANTS.split(',') : [],
    requestBodyTimeoutMs: e.REQUEST_BODY_TIMEOUT_MS,
    rateLimit: {
      burst: e.RATE_LIMIT_BURST,
      perSecond: e.RATE_LIMIT_PER_SECOND,
      // Local mode is one developer on loopback (and the benchmark): only the per-conversation limit.
      ...(localMode
        ? {}
        : {
            tenant: { burst: e.RATE_LIMIT_TENANT_BURST, perSecond: e.RATE_LIMIT_TENANT_PER_SECOND },
            global: { burst: e.RATE_LIMIT_GLOBAL_BURST, perSecond: e.RATE_LIMIT_GLOBAL_PER_SECOND },
          }),
    },
    steering: {
      channel:
        e.STEERING_SERVICE_URL && e.STEERING_CHANNEL_ID && e.STEERING_TENANT_ID
          ? {
              serviceUrl: e.STEERING_SERVICE_URL,
              channelId: e.STEERING_CHANNEL_ID,
              tenantId: e.STEERING_TENANT_ID,
              teamId: e.STEERING_TEAM_ID,
            }
          : undefined,
      debounceMs: e.STEERING_DEBOUNCE_MS,
      retryBaseMs: e.STEERING_RETRY_BASE_MS,
      pollMs: e.STEERING_POLL_MS,
      teamsAppId: e.TEAMS_APP_ID,
    },
    followup: { pollMs: e.FOLLOWUP_POLL_MS, retryBaseMs: e.FOLLOWUP_RETRY_BASE_MS },
    tabSso: {
      appId: e.TAB_SSO_APP_ID ?? e.MicrosoftAppId,
      audience: e.TAB_SSO_AUDIENCE,
      jwksUrl: e.TAB_SSO_JWKS_URL,
    },
    historyBudgetBytes: e.HISTORY_BUDGET_BYTES,
    downloads: {
      perUser: e.DOWNLOADS_PER_USER,
      perTenant: e.DOWNLOADS_PER_TENANT,
      purgeMs: e.DOWNLOAD_PURGE_MS,
    },
    tabLimits: {
      user: { burst: e.TAB_RATE_LIMIT_BURST, perSecond: e.TAB_RATE_LIMIT_PER_SECOND },
      tenant: {
        burst: e.TAB_RATE_LIMIT_TENANT_BURST,
        perSecond: e.TAB_RATE_LIMIT_TENANT_PER_SECOND,
      },
      exports: { burst: e.TAB_EXPORT_BURST, perSecond: e.TAB_EXPORT_PER_MINUTE / 60 },
    },
    insight: {
      retentionDays: e.INSIGHT_RETENTION_DAYS,
      admins: e.INSIGHT_ADMINS ? e.INSIGHT_ADMINS.split(',').map((id) => id.toLowerCase()) : [],
      // OTel's rule: the signal's own endpoint as given, the general one with `/v1/metrics`.
      otlpMetricsUrl:
        e.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT ??
        (e.OTEL_EXPORTER_OTLP_ENDPOINT
          ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/metrics`
          : undefined),
    },
  };
}
