import type { BrugStorage } from './brug-storage';
import { StorageConfigError } from './errors';
import { MemoryStorage } from './memory-storage';
import { SqliteStorage } from './sqlite-storage';

/**
 * Which store to open, already validated: `src/config` reads it from the environment (the only
 * place that does), tests build it directly.
 */
export type StorageConfig =
  | { kind: 'memory' }
  | { kind: 'sqlite'; sqlitePath: string }
  | { kind: 'blob'; blobConnectionString: string; blobContainer: string };

/** Opens the configured store; for blob, creates the container when it is missing. */
export async function createStorage(config: StorageConfig): Promise<BrugStorage> {
  switch (config.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return new SqliteStorage(config.sqlitePath);
    case 'blob': {
      // @azure/storage-blob takes 150-350 ms to load; only blob deployments pay for it.
      const { BlobStorage } = await import('./blob-storage');
      return BlobStorage.connect(config.blobConnectionString, config.blobContainer);
    }
    default: {
      // Only reachable from outside the type system (plain JavaScript, a hand-built object).
      const kind: unknown = (config as { kind?: unknown }).kind;
      throw new StorageConfigError(`Storage configuration: unknown kind "${String(kind)}".`);
    }
  }
}
