import { createHash } from 'node:crypto';
import type { ViewContext } from '..';
import { DECISION_KEYS, DECISION_QUESTIONS, decisionValues } from './brief-decisions';

/**
 * What the channel last saw, per line of the brief: each decision's value, the organisation,
 * the status, and a fingerprint of the other answers of each step. Stored with the post, so an
 * update can say what changed since the version the channel actually received.
 */
export type BriefDigest = Record<string, string>;

/** Values up to this length are quoted in the line ("looptijd 3 jaar → 4 jaar"); longer ones are "aangepast". */
const QUOTE_LIMIT = 32;
const CHANGES_LIMIT = 5;

export function briefDigest(ctx: ViewContext): BriefDigest {
  const digest: BriefDigest = { status: ctx.state.status };
  const org = ctx.answers.orgName;
  if (typeof org === 'string' && org) digest.org = org.slice(0, 200);
  for (const [key, value] of Object.entries(decisionValues(ctx)))
    if (value !== undefined) digest[key] = value.slice(0, 400);
  const decisive = new Set(Object.values(DECISION_QUESTIONS).flat());
  for (const step of ctx.guide.definition.steps) {
    const rest = ctx.guide
      .visibleQuestionsOf(step.number, ctx.answers)
      .filter((q) => !decisive.has(q.id) && q.id !== 'orgName')
      .map((q) => [q.id, ctx.answers[q.id] ?? null]);
    digest[`step${step.number}`] = createHash('sha256')
      .update(JSON.stringify(rest))
      .digest('base64url')
      .slice(0, 16);
  }
  return digest;
}

function quoted(text: string): boolean {
  return [...text].length <= QUOTE_LIMIT;
}

/**
 * "looptijd 3 jaar → 4 jaar, steungroep toegevoegd": the differences between two digests, in
 * the order of the brief; empty when nothing the brief shows changed (or nothing was seen yet).
 */
export function changesLine(
  ctx: ViewContext,
  before: BriefDigest | undefined,
  after: BriefDigest,
): string {
  if (!before) return '';
  const { t } = ctx;
  const parts: string[] = [];
  if (before.status !== after.status)
    parts.push(
      t(after.status === 'completed' ? 'steering:change.completed' : 'steering:change.reopened'),
    );
  const keys = ['org', ...DECISION_KEYS];
  for (const key of keys) {
    const from = before[key];
    const to = after[key];
    if (from === to) continue;
    const label = t(`steering:change.label.${key}`);
    if (from === undefined) parts.push(t('steering:change.added', { label }));
    else if (to === undefined) parts.push(t('steering:change.removed', { label }));
    else if (quoted(from) && quoted(to))
      parts.push(t('steering:change.changed', { label, from, to }));
    else parts.push(t('steering:change.edited', { label }));
  }
  for (const step of ctx.guide.definition.steps) {
    const key = `step${step.number}`;
    if (before[key] !== undefined && before[key] !== after[key])
      parts.push(
        t('steering:change.edited', { label: t('steering:change.step', { step: step.number }) }),
      );
  }
  if (parts.length <= CHANGES_LIMIT) return parts.join(', ');
  return t('steering:note.more', {
    list: parts.slice(0, CHANGES_LIMIT - 1).join(', '),
    count: parts.length - (CHANGES_LIMIT - 1),
  });
}
