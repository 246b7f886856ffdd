import { z } from 'zod';

/**
 * 2: history entries keep each change's earlier value only (`from`); the value it set is the
 * answer itself or the `from` of the next change, so the plan holds every value once.
 */
export const PLAN_SCHEMA_VERSION = 2;
/** Enough history to merge a card a colleague left open for a while, and to undo; bounded for size. */
export const HISTORY_LIMIT = 60;
/**
 * Characters of earlier values the history may hold (about five full multiline answers). Older
 * entries leave the plan beyond it, like beyond HISTORY_LIMIT; the newest entry always stays, so
 * a restart can be undone. The change log keeps every value either way.
 */
export const HISTORY_VALUE_BUDGET = 16_000;

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

/** One answer changed by a turn, as the engine and the change log see it. */
export interface Change {
  q: string;
  from: AnswerValue | null;
  to: AnswerValue | null;
}
type AnswerValue = z.infer<typeof answerValueSchema>;

/** A change as the plan's history keeps it: what it replaced (see PLAN_SCHEMA_VERSION). */
const historyChangeSchema = z.object({ q: z.string(), from: answerValueSchema.nullable() });

const historyEntrySchema = z.object({
  rev: z.number().int(),
  at: z.string(),
  by: actorSchema,
  kind: z.enum(['answer', 'restart', 'undo']),
  changes: z.array(historyChangeSchema),
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
  /**
   * Bytes of this plan's change log as stored (`plans/plan-log.ts`): counted by every write, so
   * the log is compacted within its budget without being read. Absent on plans from before.
   */
  logBytes: z.number().int().nonnegative().optional(),
  /**
   * Cards (`<step>.<part>`) the plan has shown, in the order first reached: the plan's own fact
   * behind the usage funnel (src/insight), deleted with the plan. Absent in plans from before it.
   */
  reached: z
    .array(z.string().regex(/^\d\.\d{1,2}$/))
    .max(200)
    .optional(),
  /**
   * Advice rules whose tip the conversation has shown, so each is said once (in the card after
   * the answer that triggered it) and not repeated; the summary lists them all. Absent: see
   * `shownAdviceOf`.
   */
  shownAdvice: z.array(z.string().max(80)).max(200).optional(),
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

type Doc = Record<string, unknown>;

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an earlier value costs of HISTORY_VALUE_BUDGET: about its characters. */
function valueWeight(value: AnswerValue | null): number {
  if (value === null) return 0;
  if (typeof value === 'number') return 8;
  if (typeof value === 'string') return value.length;
  return value.reduce((sum, v) => sum + v.length + 1, 0);
}

/**
 * The newest entries within `limit` and HISTORY_VALUE_BUDGET (the newest always), and the floor
 * below which revisions have left the history.
 */
export function boundHistory(
  history: HistoryEntry[],
  historyFloor: number,
  limit: number = HISTORY_LIMIT,
): { history: HistoryEntry[]; historyFloor: number } {
  let kept = 0;
  let weight = 0;
  for (let i = history.length - 1; i >= 0 && kept < Math.max(1, limit); i--) {
    for (const change of history[i]!.changes) weight += valueWeight(change.from);
    if (kept > 0 && weight > HISTORY_VALUE_BUDGET) break;
    kept++;
  }
  const dropped = history.length - kept;
  if (dropped === 0) return { history, historyFloor };
  return { history: history.slice(dropped), historyFloor: history[dropped - 1]!.rev };
}

/** Version 1 kept each change's new value (`to`) in the history as well: dropped here. */
function fromVersion1(doc: Doc): void {
  if (!Array.isArray(doc.history)) return;
  doc.history = doc.history.map((entry: unknown) =>
    isDoc(entry) && Array.isArray(entry.changes)
      ? {
          ...entry,
          changes: entry.changes.map((change: unknown) =>
            isDoc(change) ? { q: change.q, from: change.from } : change,
          ),
        }
      : entry,
  );
}

function invalid(what: string, error: z.ZodError): PlanStateError {
  const first = error.issues[0];
  return new PlanStateError(
    `${what} is invalid at ${first?.path.join('.') ?? '?'}: ${first?.message}`,
  );
}

/**
 * Upgrades a stored document to the current schema and validates it. Older versions are
 * migrated here, one step per version, so a stored plan never crashes the bot.
 */
export function migratePlanState(raw: unknown): PlanState {
  const doc: Doc = isDoc(raw) ? { ...raw } : {};
  delete doc.eTag;
  // Documents from before the version field are version 1.
  const version = doc.schemaVersion ?? 1;
  if (typeof version === 'number' && version > PLAN_SCHEMA_VERSION) {
    throw new PlanStateError(`plan schema version ${version} is newer than this bot`);
  }
  if (version === 1) {
    fromVersion1(doc);
    doc.schemaVersion = PLAN_SCHEMA_VERSION;
  }
  const parsed = planStateSchema.safeParse(doc);
  if (!parsed.success) throw invalid('stored plan', parsed.error);
  return { ...parsed.data, ...boundHistory(parsed.data.history, parsed.data.historyFloor) };
}

/** The fields every turn relies on, by type only: cheap enough for every read. */
function hasPlanOutline(doc: Doc): boolean {
  return (
    typeof doc.revision === 'number' &&
    typeof doc.status === 'string' &&
    typeof doc.currentStep === 'number' &&
    typeof doc.currentPart === 'number' &&
    isDoc(doc.answers) &&
    Array.isArray(doc.history) &&
    typeof doc.historyFloor === 'number' &&
    isDoc(doc.clearedAt) &&
    typeof doc.createdAt === 'string' &&
    typeof doc.updatedAt === 'string'
  );
}

/**
 * A stored plan for a turn. A document of the current version was validated when it was stored
 * (`checkPlanWrite`), so only its outline is checked; an older, newer or misshapen one goes
 * through `migratePlanState`, which validates it whole or refuses it with PlanStateError.
 */
export function readPlanState(raw: unknown): PlanState {
  if (!isDoc(raw)) throw new PlanStateError('stored plan is not an object');
  if (raw.schemaVersion !== PLAN_SCHEMA_VERSION || !hasPlanOutline(raw)) {
    return migratePlanState(raw);
  }
  const { eTag: _eTag, ...doc } = raw;
  return doc as unknown as PlanState;
}

/**
 * Validates a plan about to be stored. `previous`, the stored plan the turn started from, was
 * valid: answers and history entries `next` shares with it (the engine copies by reference) are
 * not checked again, so a turn pays for what it changed rather than for the whole plan.
 */
export function checkPlanWrite(next: PlanState, previous?: PlanState): void {
  let checked: PlanState = next;
  if (previous) {
    const kept = new Set(previous.history);
    const answers: PlanState['answers'] = {};
    for (const [q, record] of Object.entries(next.answers)) {
      if (previous.answers[q] !== record) answers[q] = record;
    }
    checked = { ...next, answers, history: next.history.filter((entry) => !kept.has(entry)) };
  }
  const parsed = planStateSchema.safeParse(checked);
  if (!parsed.success) throw invalid('plan to store', parsed.error);
}
