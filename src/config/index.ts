import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../paths';

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
  STORAGE: z.preprocess(emptyToUndefined, z.enum(['sqlite', 'blob', 'memory']).default('sqlite')),
  SQLITE_PATH: z.preprocess(emptyToUndefined, z.string().default(path.join(repoRoot, 'data', 'brugbot.sqlite'))),
  AZURE_STORAGE_CONNECTION_STRING: optionalString,
  AZURE_STORAGE_CONTAINER: z.preprocess(emptyToUndefined, z.string().default('brugbot-state')),
  /** Where channel signing keys are published; only for sovereign clouds and for tests. */
  BOTFRAMEWORK_OPENID_METADATA_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  /** Public https origin of the bot, for download links; defaults to the local URL in local mode. */
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(365)),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export interface AppConfig {
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
  storage: {
    kind: 'sqlite' | 'blob' | 'memory';
    sqlitePath: string;
    blobConnectionString?: string;
    blobContainer: string;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  publicBaseUrl?: string;
  retentionDays: number;
  openIdMetadataUrl?: string;
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
    throw new ConfigError(`MicrosoftAppTenantId is required for MicrosoftAppType=${e.MicrosoftAppType}`);
  }
  if (e.STORAGE === 'blob' && !e.AZURE_STORAGE_CONNECTION_STRING) {
    throw new ConfigError('STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING');
  }
  if (localMode && e.HOST && !['127.0.0.1', 'localhost', '::1'].includes(e.HOST)) {
    throw new ConfigError('HOST: local mode (no MicrosoftAppId) listens on loopback only');
  }
  return {
    port: e.PORT,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    localMode,
    auth: {
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
    storage: {
      kind: e.STORAGE,
      sqlitePath: e.SQLITE_PATH,
      blobConnectionString: e.AZURE_STORAGE_CONNECTION_STRING,
      blobContainer: e.AZURE_STORAGE_CONTAINER,
    },
    logLevel: e.LOG_LEVEL,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    retentionDays: e.RETENTION_DAYS,
    openIdMetadataUrl: e.BOTFRAMEWORK_OPENID_METADATA_URL,
  };
}
