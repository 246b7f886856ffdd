import { z } from 'zod';
import { BlobStorage } from './blob-storage';
import type { BrugStorage } from './brug-storage';
import { StorageConfigError } from './errors';
import { MemoryStorage } from './memory-storage';
import { DEFAULT_SQLITE_PATH, SqliteStorage } from './sqlite-storage';

export const DEFAULT_BLOB_CONTAINER = 'brugbot-state';

/** Environment variables behind each setting, so errors name what an operator must set. */
export const STORAGE_ENV = {
  kind: 'STORAGE',
  sqlitePath: 'SQLITE_PATH',
  blobConnectionString: 'AZURE_STORAGE_CONNECTION_STRING',
  blobContainer: 'AZURE_STORAGE_CONTAINER',
} as const;

export const storageConfigSchema = z
  .object({
    kind: z.enum(['sqlite', 'blob', 'memory'], {
      errorMap: () => ({ message: `${STORAGE_ENV.kind} must be sqlite, blob or memory` }),
    }),
    sqlitePath: z.string().min(1, `${STORAGE_ENV.sqlitePath} must not be empty`).optional(),
    blobConnectionString: z.string().optional(),
    blobContainer: z
      .string()
      // Azure's container naming rule; checked here so the error names the setting.
      .regex(
        /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/,
        `${STORAGE_ENV.blobContainer} must be 3-63 lowercase letters, digits or single hyphens`,
      )
      .optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.kind === 'blob' && !config.blobConnectionString?.trim()) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['blobConnectionString'],
        message: `${STORAGE_ENV.kind}=blob needs ${STORAGE_ENV.blobConnectionString}`,
      });
    }
  });

export type StorageConfig = z.infer<typeof storageConfigSchema>;
/** What callers may pass; parsed at runtime all the same, since it usually comes from env. */
export type StorageConfigInput = z.input<typeof storageConfigSchema>;

/** Reads the storage settings from the environment; unset values stay undefined. */
export function storageConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  return parseStorageConfig({
    kind: value(STORAGE_ENV.kind) ?? 'sqlite',
    sqlitePath: value(STORAGE_ENV.sqlitePath),
    blobConnectionString: value(STORAGE_ENV.blobConnectionString),
    blobContainer: value(STORAGE_ENV.blobContainer),
  });
}

/** Validates a config; throws StorageConfigError naming every bad setting. */
export function parseStorageConfig(input: unknown): StorageConfig {
  const parsed = storageConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Messages only: zod issues never echo values here, so a connection string cannot leak.
  const problems = parsed.error.issues.map((issue) => issue.message);
  throw new StorageConfigError(`Storage configuration: ${problems.join('; ')}.`);
}

/** Opens the configured store; for blob, creates the container when it is missing. */
export async function createStorage(config: StorageConfigInput): Promise<BrugStorage> {
  const { kind, sqlitePath, blobConnectionString, blobContainer } = parseStorageConfig(config);
  switch (kind) {
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return new SqliteStorage(sqlitePath ?? DEFAULT_SQLITE_PATH);
    case 'blob':
      // The refinement guarantees the connection string; `?? ''` only satisfies the type.
      return BlobStorage.connect(
        blobConnectionString ?? '',
        blobContainer ?? DEFAULT_BLOB_CONTAINER,
      );
  }
}
