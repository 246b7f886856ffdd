import { setImmediate as yieldToTurns } from 'node:timers/promises';
import type { Actor, Change, HistoryEntry, PlanState } from '../guide';
import { logKey, logKeysOf, type BrugStorage, type StoredDocuments } from '../storage';

/**
 * One change as the log keeps it. An entry that compaction merged (`compacted`) holds each
 * answer's net change over the merged entries, with who set its last value and when.
 */
export type LogChange = Change & { by?: Actor; at?: string; rev?: number };

/** One change of a plan as its log keeps it: who, when, and each answer's old and new value. */
export type LogEntry = Omit<HistoryEntry, 'changes' | 'kind'> & {
  kind: HistoryEntry['kind'] | 'compacted';
  changes: LogChange[];
  /** Set when this entry stands for several: how many, and the first one's revision and time. */
  compacted?: { entries: number; fromRev: number; from: string };
};

/** Entries read per storage call: a page of the log is at most a few hundred KB. */
export const LOG_PAGE = 50;

/** What an entry costs in the store: its JSON, as the store serialises it. */
export function entryBytes(entry: LogEntry): number {
  return Buffer.byteLength(JSON.stringify(entry), 'utf8');
}

/**
 * The change-log documents for the history entries a turn added (those newer than `since`), and
 * their size. The plan's history keeps only what each change replaced; what it set is the `from`
 * of the next change of that question, or the answer itself when none followed.
 */
export function logDocuments(
  planKey: string,
  state: PlanState,
  since: number,
): { documents: StoredDocuments; bytes: number } {
  const documents: StoredDocuments = {};
  let bytes = 0;
  const history = state.history;
  for (let i = history.length - 1; i >= 0 && history[i]!.rev > since; i--) {
    const entry = history[i]!;
    const changes = entry.changes.map(({ q, from }) => ({ q, from, to: valueAfter(state, i, q) }));
    const logged: LogEntry = { ...entry, changes };
    bytes += entryBytes(logged);
    // Unconditional: only the writer of plan revision `rev` writes its entry (SQLite: in the same
    // transaction), so an entry already there is a leftover of a plan that was reset.
    documents[logKey(planKey, entry.rev)] = { ...logged, eTag: '*' };
  }
  return { documents, bytes };
}

function valueAfter(state: PlanState, index: number, q: string): Change['to'] {
  for (let i = index + 1; i < state.history.length; i++) {
    const later = state.history[i]!.changes.find((change) => change.q === q);
    if (later) return later.from;
  }
  return state.answers[q]?.value ?? null;
}

/**
 * The change log of a plan, one document per change, within a byte budget per plan (older
 * changes are compacted per day, `log-compaction.ts`). The plan itself keeps only its recent
 * history (for merging and undo); this log serves "as of" views and the data export, which read
 * it a page at a time and let other turns run in between.
 */
export class PlanLog {
  constructor(private readonly storage: BrugStorage) {}

  /** The log oldest first, `LOG_PAGE` entries per storage read, yielding to other turns between reads. */
  async *pages(planKey: string, keys?: string[]): AsyncGenerator<LogEntry[]> {
    const all = keys ?? (await logKeysOf(this.storage, planKey));
    for (let i = 0; i < all.length; i += LOG_PAGE) {
      if (i > 0) await yieldToTurns();
      const batch = all.slice(i, i + LOG_PAGE);
      const items = await this.storage.read(batch);
      yield batch
        .map((k) => items[k] as (LogEntry & { eTag?: string }) | undefined)
        .filter((e): e is LogEntry & { eTag?: string } => e !== undefined)
        .map(({ eTag: _eTag, ...entry }) => entry);
    }
  }

  /** The whole log, oldest first: bounded by the budget, read a page at a time. */
  async entries(planKey: string): Promise<LogEntry[]> {
    const all: LogEntry[] = [];
    for await (const page of this.pages(planKey)) all.push(...page);
    return all;
  }

  async deleteAll(planKey: string): Promise<number> {
    const keys = await logKeysOf(this.storage, planKey);
    if (keys.length) await this.storage.delete(keys);
    return keys.length;
  }
}

/**
 * The answers as they stood at `when`, with who gave them: the change log replayed from the
 * start up to that moment, a page at a time. Exact for the end of any day (compaction keeps
 * each day's last values); `summarisedUntil` is set when `when` falls in a span compaction
 * merged across days, whose end is then what is shown.
 */
export async function answersAsOf(
  pages: AsyncIterable<LogEntry[]>,
  when: Date,
): Promise<{ answers: PlanState['answers']; summarisedUntil?: string }> {
  const cutoff = when.toISOString();
  const answers: PlanState['answers'] = {};
  let summarisedUntil: string | undefined;
  for await (const page of pages) {
    for (const entry of page) {
      const startsBefore = (entry.compacted?.from ?? entry.at) <= cutoff;
      if (!startsBefore) return { answers, summarisedUntil };
      if (entry.at > cutoff) summarisedUntil = entry.at;
      for (const change of entry.changes) {
        if (change.to === null) delete answers[change.q];
        else
          answers[change.q] = {
            value: change.to,
            by: change.by ?? entry.by,
            at: change.at ?? entry.at,
            rev: change.rev ?? entry.rev,
          };
      }
      if (summarisedUntil) return { answers, summarisedUntil };
    }
  }
  return { answers, summarisedUntil };
}
