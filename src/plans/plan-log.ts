import type { Change, HistoryEntry, PlanState } from '../guide';
import { logKey, logKeysOf, type BrugStorage, type StoredDocuments } from '../storage';

/** One change of a plan as its log keeps it: who, when, and each answer's old and new value. */
export type LogEntry = Omit<HistoryEntry, 'changes'> & { changes: Change[] };

/**
 * The change-log documents for the history entries a turn added (those newer than `since`).
 * The plan's history keeps only what each change replaced; what it set is the `from` of the next
 * change of that question, or the answer itself when none followed.
 */
export function logDocuments(planKey: string, state: PlanState, since: number): StoredDocuments {
  const documents: StoredDocuments = {};
  const history = state.history;
  for (let i = history.length - 1; i >= 0 && history[i]!.rev > since; i--) {
    const entry = history[i]!;
    const changes = entry.changes.map(({ q, from }) => ({ q, from, to: valueAfter(state, i, q) }));
    // Unconditional: only the writer of plan revision `rev` writes its entry (SQLite: in the same
    // transaction), so an entry already there is a leftover of a plan that was reset.
    documents[logKey(planKey, entry.rev)] = { ...entry, changes, eTag: '*' };
  }
  return documents;
}

function valueAfter(state: PlanState, index: number, q: string): Change['to'] {
  for (let i = index + 1; i < state.history.length; i++) {
    const later = state.history[i]!.changes.find((change) => change.q === q);
    if (later) return later.from;
  }
  return state.answers[q]?.value ?? null;
}

/**
 * The full change log of a plan, one write-once document per change. The plan itself keeps
 * only its recent history (for merging and undo), so it stays small; this log keeps everything,
 * for "as of" views and for the data export. `PlanStore` writes an entry in the same storage call
 * as the plan revision it belongs to.
 */
export class PlanLog {
  constructor(private readonly storage: BrugStorage) {}

  async entries(planKey: string): Promise<LogEntry[]> {
    const keys = await logKeysOf(this.storage, planKey);
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys
      .map((k) => items[k] as (LogEntry & { eTag?: string }) | undefined)
      .filter((e): e is LogEntry & { eTag?: string } => e !== undefined)
      .map(({ eTag: _eTag, ...entry }) => entry);
  }

  async deleteAll(planKey: string): Promise<number> {
    const keys = await logKeysOf(this.storage, planKey);
    if (keys.length) await this.storage.delete(keys);
    return keys.length;
  }
}

/**
 * The answers as they stood at `when`, with who gave them: the change log replayed from the
 * start up to that moment. The log holds every change, so this is exact for any date.
 */
export function answersAsOf(log: LogEntry[], when: Date): PlanState['answers'] {
  const cutoff = when.toISOString();
  const answers: PlanState['answers'] = {};
  for (const entry of [...log].sort((a, b) => a.rev - b.rev)) {
    if (entry.at > cutoff) break;
    for (const change of entry.changes) {
      if (change.to === null) delete answers[change.q];
      else answers[change.q] = { value: change.to, by: entry.by, at: entry.at, rev: entry.rev };
    }
  }
  return answers;
}
