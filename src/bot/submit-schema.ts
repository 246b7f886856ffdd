import { z } from 'zod';
import { SUBMIT_NAVS } from '../guide';

const INPUT_PREFIX = 'q_';
const INPUT_ID = /^q_([a-z][a-zA-Z0-9]{0,63})$/;
/** Longer than any question allows, so the engine can say "too long" instead of us dropping it. */
export const MAX_INPUT_CHARS = 5000;

export function inputIdFor(questionId: string): string {
  return `${INPUT_PREFIX}${questionId}`;
}

const step = z.coerce.number().int().min(1).max(6);
const part = z.coerce.number().int().min(0).max(19);
const revision = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const moment = z.enum(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The follow-up cards (src/followup): the schedule card and the check-in card. */
const followupActionSchemas = [
  z.object({ verb: z.literal('followup.schedule.show') }),
  z.object({
    verb: z.literal('followup.schedule.confirm'),
    rev: revision,
    // The dates the card showed, so only what the user changed counts.
    shown: z.object({ start: day, m1: day, m2: day, m3: day, m4: day, m5: day, m6: day }).partial(),
  }),
  z.object({ verb: z.literal('followup.snooze'), moment, date: day }),
  z.object({ verb: z.literal('followup.skip'), moment }),
  z.object({ verb: z.literal('followup.stop') }),
  z.object({ verb: z.literal('followup.checkin.submit'), moment, rev: revision }),
] as const;

/** Every card action carries a `verb`; each verb has its own payload schema. */
export const cardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('guide.start') }),
  z.object({ verb: z.literal('guide.overview') }),
  z.object({ verb: z.literal('guide.summary') }),
  z.object({ verb: z.literal('guide.goto'), step }),
  z.object({
    verb: z.literal('guide.submit'),
    step,
    part,
    rev: revision,
    nav: z.enum(SUBMIT_NAVS),
    /** For `nav: 'deepen'`: the part of the step to open. */
    target: part.optional(),
  }),
  z.object({ verb: z.literal('guide.restart.confirm'), rev: revision }),
  z.object({ verb: z.literal('guide.restart.cancel') }),
  z.object({
    verb: z.literal('qna.ask'),
    entryId: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,79}$/),
  }),
  z.object({ verb: z.literal('lang.set'), locale: z.enum(['nl', 'en']) }),
  ...followupActionSchemas,
  z.object({ verb: z.literal('privacy.delete.confirm'), rev: revision }),
  z.object({ verb: z.literal('privacy.delete.cancel') }),
  // The summary card's choice list puts the chosen team id in `steeringTarget`.
  z.object({
    verb: z.literal('steering.share'),
    steeringTarget: z.string().min(1).max(512).optional(),
  }),
]);
export type CardAction = z.infer<typeof cardActionSchema>;

export type ParsedSubmit =
  | { ok: true; action: CardAction; inputs: Record<string, string | number | boolean> }
  | { ok: false; reason: 'notAnObject' | 'unknownVerb' | 'malformed' | 'inputTooLong' };

const inputValue = z.union([z.string().max(MAX_INPUT_CHARS), z.number(), z.boolean()]);

/**
 * Validates an `Action.Submit` payload (card data merged with input values by the channel).
 * Inputs are collected into a prototype-free object keyed by question id, so keys such as
 * `__proto__` in a forged payload are just ignored.
 */
export function parseSubmit(value: unknown): ParsedSubmit {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: 'notAnObject' };
  const record = value as Record<string, unknown>;
  const verb = typeof record.verb === 'string' ? record.verb : undefined;
  const known = cardActionSchema.options.some((o) => o.shape.verb.value === verb);
  if (!known) return { ok: false, reason: 'unknownVerb' };
  const parsed = cardActionSchema.safeParse(record);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const inputs = Object.create(null) as Record<string, string | number | boolean>;
  for (const key of Object.keys(record)) {
    const match = INPUT_ID.exec(key);
    if (!match) continue;
    const v = inputValue.safeParse(record[key]);
    if (!v.success) {
      return typeof record[key] === 'string'
        ? { ok: false, reason: 'inputTooLong' }
        : { ok: false, reason: 'malformed' };
    }
    inputs[match[1]!] = v.data;
  }
  return { ok: true, action: parsed.data, inputs };
}
