import type { HistoryEntry, PlanState } from '../guide';
import { CREATE_ONLY, EtagConflictError, logKey, logKeysOf, type BrugStorage } from '../storage';

/**
 * The full change log of a plan, one write-once document per change. The plan itself keeps
 * only its recent history (for merging and undo), so it stays small; this log keeps everything,
 * for "as of" views and for the data export.
 */
export class PlanLog {
  constructor(private readonly storage: BrugStorage) {}

  /** Records the history entries a turn added: those newer than the revision it started from. */
  async record(planKey: string, state: PlanState, sinceRevision: number): Promise<void> {
    for (const entry of state.history.filter((h) => h.rev > sinceRevision)) {
      const key = logKey(planKey, entry.rev);
      try {
        await this.storage.write({ [key]: { ...entry, eTag: CREATE_ONLY } });
      } catch (error) {
        // Written already by an earlier attempt of this same turn: nothing to add.
        if (!(error instanceof EtagConflictError)) throw error;
      }
    }
  }

  async entries(planKey: string): Promise<HistoryEntry[]> {
    const keys = await logKeysOf(this.storage, planKey);
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys
      .map((k) => items[k] as (HistoryEntry & { eTag?: string }) | undefined)
      .filter((e): e is HistoryEntry & { eTag?: string } => e !== undefined)
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
export function answersAsOf(log: HistoryEntry[], when: Date): PlanState['answers'] {
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
