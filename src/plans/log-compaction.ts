import { logKey, logKeysOf, type BrugStorage } from '../storage';
import { entryBytes, PlanLog, type LogChange, type LogEntry } from './plan-log';

/** Share of the budget the newest entries keep as they were written (one per change). */
const RAW_SHARE = 0.25;
/** Compaction stops once the log is under this share of the budget. */
const TARGET_SHARE = 0.75;

interface Sized {
  key: string;
  entry: LogEntry;
  bytes: number;
}

/** The net effect of consecutive entries: each answer's first `from`, last `to`, last author. */
export function mergeEntries(group: LogEntry[]): LogEntry {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const net = new Map<string, LogChange>();
  for (const entry of group) {
    for (const change of entry.changes) {
      const by = change.by ?? entry.by;
      const at = change.at ?? entry.at;
      const rev = change.rev ?? entry.rev;
      const earlier = net.get(change.q);
      net.set(change.q, {
        q: change.q,
        from: earlier ? earlier.from : change.from,
        to: change.to,
        by,
        at,
        rev,
      });
    }
  }
  return {
    rev: last.rev,
    at: last.at,
    by: last.by,
    kind: 'compacted',
    changes: [...net.values()],
    compacted: {
      entries: group.reduce((n, e) => n + (e.compacted?.entries ?? 1), 0),
      fromRev: first.compacted?.fromRev ?? first.rev,
      from: first.compacted?.from ?? first.at,
    },
  };
}

/** UTC day, the day "stand op <datum>" reads up to the end of. */
const dayOf = (entry: LogEntry) => entry.at.slice(0, 10);

/**
 * Which entries to merge: all but the newest `RAW_SHARE` of the budget, one group per day; then,
 * while still over `TARGET_SHARE`, the oldest groups into one (those days are then shown as of
 * the end of the merged span). Pure, so the rule is tested without a store.
 */
export function planCompaction(sized: Sized[], budget: number): Sized[][] {
  let raw = 0;
  let split = sized.length;
  while (split > 0 && raw + sized[split - 1]!.bytes <= budget * RAW_SHARE)
    raw += sized[--split]!.bytes;
  const groups: Sized[][] = [];
  for (const item of sized.slice(0, split)) {
    const last = groups[groups.length - 1];
    if (last && dayOf(last[0]!.entry) === dayOf(item.entry)) last.push(item);
    else groups.push([item]);
  }
  // A merged day weighs at most its largest entry's answers; estimate before merging across days.
  const estimate = (group: Sized[]) => entryBytes(mergeEntries(group.map((s) => s.entry)));
  const sizes = groups.map(estimate);
  let total = raw + sizes.reduce((a, b) => a + b, 0);
  while (groups.length > 1 && total > budget * TARGET_SHARE) {
    const merged = [...groups.shift()!, ...groups.shift()!];
    sizes.splice(0, 2);
    groups.unshift(merged);
    const size = estimate(merged);
    sizes.unshift(size);
    total = raw + sizes.reduce((a, b) => a + b, 0);
  }
  return groups.filter((group) => group.length > 1);
}

/**
 * Compacts a plan's change log to within `budget` bytes and returns the bytes it holds after.
 * Reads the log a page at a time; each merged group is written as one entry under its newest
 * revision's key before the others are deleted, so a crash in between leaves the net values
 * readable (replaying the old entries and then the merged one ends at the same answers).
 */
export async function compactLog(
  storage: BrugStorage,
  planKey: string,
  budget: number,
): Promise<{ before: number; after: number }> {
  const keys = await logKeysOf(storage, planKey);
  const sized: Sized[] = [];
  let index = 0;
  for await (const page of new PlanLog(storage).pages(planKey, keys)) {
    for (const entry of page) {
      sized.push({ key: logKey(planKey, entry.rev), entry, bytes: entryBytes(entry) });
      index++;
    }
  }
  const before = sized.reduce((n, s) => n + s.bytes, 0);
  if (before <= budget || index === 0) return { before, after: before };
  let after = before;
  for (const group of planCompaction(sized, budget)) {
    const merged = mergeEntries(group.map((s) => s.entry));
    const newest = group[group.length - 1]!;
    await storage.write({ [newest.key]: { ...merged, eTag: '*' } });
    await storage.delete(group.slice(0, -1).map((s) => s.key));
    after += entryBytes(merged) - group.reduce((n, s) => n + s.bytes, 0);
  }
  return { before, after };
}
