import { z } from 'zod';

export const PLAN_SCHEMA_VERSION = 1;
/** Enough history to merge a card a colleague left open for a while, and to undo; bounded for size. */
export const HISTORY_LIMIT = 60;

const answerValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);

export const actorSchema = z.object({
  id: z.string().max(200),
  name: z.string().max(200).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

const answerRecordSchema = z.object({
  value: answerValueSchema,
  by: actorSchema,
  at: z.string(),
  rev: z.number().int(),
});
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

const changeSchema = z.object({
  q: z.string(),
  from: answerValueSchema.nullable(),
  to: answerValueSchema.nullable(),
});
export type Change = z.infer<typeof changeSchema>;

const historyEntrySchema = z.object({
  rev: z.number().int(),
  at: z.string(),
  by: actorSchema,
  kind: z.enum(['answer', 'restart', 'undo']),
  changes: z.array(changeSchema),
  /** For an undo: the revision it reverted. */
  undoes: z.number().int().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const planStateSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  revision: z.number().int().nonnegative(),
  status: z.enum(['notStarted', 'inProgress', 'completed']),
  currentStep: z.number().int().min(1).max(6),
  currentPart: z.number().int().nonnegative().default(0),
  answers: z.record(answerRecordSchema),
  history: z.array(historyEntrySchema),
  /** Revisions at or below this one have left the history; older cards cannot be merged. */
  historyFloor: z.number().int().nonnegative(),
  /** When each cleared answer was cleared, so "empty and untouched since" needs no history. */
  clearedAt: z.record(z.number().int()).default({}),
  pendingRestart: z.object({ revision: z.number().int(), by: actorSchema }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
});
export type PlanState = z.infer<typeof planStateSchema>;

export function initialPlanState(now: Date): PlanState {
  const at = now.toISOString();
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    revision: 0,
    status: 'notStarted',
    currentStep: 1,
    currentPart: 0,
    answers: {},
    history: [],
    historyFloor: 0,
    clearedAt: {},
    createdAt: at,
    updatedAt: at,
  };
}

export class PlanStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanStateError';
  }
}

/**
 * Upgrades a stored document to the current schema and validates it. Older versions are
 * migrated here, one step per version, so a stored plan never crashes the bot.
 */
export function migratePlanState(raw: unknown): PlanState {
  const doc = (
    raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {}
  ) as Record<string, unknown>;
  delete doc.eTag;
  if (doc.schemaVersion === undefined) doc.schemaVersion = PLAN_SCHEMA_VERSION;
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion > PLAN_SCHEMA_VERSION) {
    throw new PlanStateError(`plan schema version ${doc.schemaVersion} is newer than this bot`);
  }
  const parsed = planStateSchema.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PlanStateError(
      `stored plan is invalid at ${first?.path.join('.') ?? '?'}: ${first?.message}`,
    );
  }
  return parsed.data;
}
