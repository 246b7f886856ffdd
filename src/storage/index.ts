/** The storage layer's one public surface: stores with real eTags, the factory, and the retry loop. */
export {
  CREATE_ONLY,
  MAX_KEY_LENGTH,
  type BrugStorage,
  type StorageHealth,
  type StorageKind,
  type StoredDocument,
  type StoredDocuments,
} from './brug-storage';
export {
  StorageError,
  EtagConflictError,
  CorruptDocumentError,
  ConcurrencyExhaustedError,
  InvalidStorageInputError,
  StorageClosedError,
  StorageConfigError,
} from './errors';
export { MemoryStorage, type MemoryRecord } from './memory-storage';
export { SqliteStorage, type SqliteStorageOptions } from './sqlite-storage';
// BlobStorage itself: import it from './blob-storage' (createStorage loads it only for blob).
export type { BlobStorage, BlobStorageOptions } from './blob-storage';
export { createStorage, type StorageConfig } from './create-storage';
export {
  updateWithRetry,
  type UpdateOptions,
  type UpdateOutcome,
  type UpdateStep,
} from './with-etag-retry';
export {
  planKey,
  planKeyPrefix,
  parsePlanKey,
  userKey,
  logKey,
  logKeysOf,
  downloadKey,
  downloadOfPlanKey,
  downloadIndexKeysOf,
  tokenOfDownloadIndex,
  DOWNLOAD_PREFIX,
  planRef,
  PLAN_REF,
  idSegment,
  downloadMetaKey,
  DOWNLOAD_META_PREFIX,
  downloadByKey,
  downloadByPrefix,
  expiryOfDownloadBy,
  downloadSlotKey,
  memberKey,
  memberKeyOfSegment,
  memberPrefix,
  memberOfKey,
  memberOfKeysOf,
  memberOfUserSegment,
  MEMBER_INDEX_READY,
  INSIGHT_DAY_PREFIX,
  insightDayKey,
  INSIGHT_DECLINED_PREFIX,
  insightDeclinedKey,
  USAGE_OF_PREFIX,
  usageOfPlanKey,
  planTabPath,
  planUrl,
} from './keys';
