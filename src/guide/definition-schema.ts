import { z } from 'zod';
import { MAX_ANSWER_LENGTH } from './limits';

/** Identifiers double as i18next key segments and card input ids, so keep them plain. */
export const idSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be camelCase letters/digits');

export const QUESTION_TYPES = [
  'text',
  'multiline',
  'choice',
  'multiselect',
  'number',
  'yesno',
  'date',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A number, or another numeric answer scaled by a factor (e.g. the benchmark scaled to working time). */
export const operandSchema = z.union([
  z.number(),
  z.object({ ref: idSchema, times: z.number().default(1) }).strict(),
]);
export type Operand = z.infer<typeof operandSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { q: string; op: 'answered' | 'unanswered' }
  | { q: string; op: 'equals'; value: string | number | boolean }
  | { q: string; op: 'in' | 'includesAny' | 'includesAll' | 'includesNone'; values: string[] }
  | { q: string; op: 'lt' | 'lte' | 'gt' | 'gte'; value: Operand }
  | { q: string; op: 'countGte'; value: number };

export const conditionSchema: z.ZodType<Condition, z.ZodTypeDef, unknown> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ q: idSchema, op: z.enum(['answered', 'unanswered']) }).strict(),
    z.object({ q: idSchema, op: z.literal('equals'), value: scalar }).strict(),
    z
      .object({
        q: idSchema,
        op: z.enum(['in', 'includesAny', 'includesAll', 'includesNone']),
        values: z.array(z.string()).min(1),
      })
      .strict(),
    z
      .object({ q: idSchema, op: z.enum(['lt', 'lte', 'gt', 'gte']), value: operandSchema })
      .strict(),
    // How many options of a multiselect are ticked ("more than one strategy").
    z.object({ q: idSchema, op: z.literal('countGte'), value: z.number().int().min(1) }).strict(),
  ]),
);

export const choiceSchema = z
  .object({
    id: idSchema,
    /** Strategies sit on the demand or the supply side; advice rules look at that. */
    side: z.enum(['demand', 'supply']).optional(),
    /**
     * A choice that cannot be ticked together with any other of its multiselect ("Nog geen
     * analyse" next to "Ja, …"): the content says so, the answer parser refuses the combination.
     */
    exclusive: z.boolean().optional(),
  })
  .strict();

export const questionSchema = z
  .object({
    id: idSchema,
    type: z.enum(QUESTION_TYPES),
    /** Unanswered required questions are the plan's open points. */
    required: z.boolean().default(true),
    choices: z.array(choiceSchema).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().max(MAX_ANSWER_LENGTH).optional(),
    /** A multiselect that forces a priority ("kies de drie belangrijkste") instead of tick-all. */
    maxSelected: z.number().int().min(1).optional(),
    /** The question is shown (and counted as open) only when this holds. */
    showIf: conditionSchema.optional(),
    source: z.string(),
    /** Whether `guide:questions.<id>.examples` exists (help text is always required). */
    examples: z.boolean().default(false),
    /** Knowledge-base entries worth offering next to this question. */
    qna: z.array(idSchema).default([]),
  })
  .strict();

export const resourceSchema = z
  .object({ title: z.string().min(1), url: z.string().url() })
  .strict();

export const resourceGroupSchema = z
  .object({ id: idSchema, items: z.array(resourceSchema).min(1) })
  .strict();

export const partSchema = z
  .object({
    id: idSchema,
    /**
     * `core` parts are the route every plan takes; `deepen` parts ("verdiepen") are optional
     * side trips the user opens per step. Only core questions can be open points.
     */
    depth: z.enum(['core', 'deepen']).default('core'),
    source: z.string(),
    questions: z.array(questionSchema),
    /** Reading lists and manuals the instrument points to; titles are names and stay untranslated. */
    resources: z.array(resourceGroupSchema).default([]),
    qna: z.array(idSchema).default([]),
  })
  .strict();

export const stepSchema = z
  .object({
    id: z.enum(['s1', 's2', 's3', 's4', 's5', 's6']),
    number: z.number().int().min(1).max(6),
    parts: z
      .array(partSchema)
      .min(1)
      .refine((parts) => parts.some((p) => p.depth === 'core'), 'a step needs a core part'),
  })
  .strict();

/**
 * Where advice comes from. `source`: what the cited passages say, in our words. `suggestion`:
 * Brugbot's own rule of thumb, shown as "Tip van Brugbot"; it may cite practice stories or
 * findings it builds on, but never the instrument, so nobody mistakes it for the instrument's advice.
 */
export const ADVICE_KINDS = ['source', 'suggestion'] as const;
/** `caution` is shown as "Let op"; the rest as "Tip". */
export const ADVICE_SEVERITIES = ['tip', 'caution'] as const;

export const adviceRuleSchema = z
  .object({
    id: idSchema,
    step: z.number().int().min(1).max(6),
    kind: z.enum(ADVICE_KINDS),
    severity: z.enum(ADVICE_SEVERITIES),
    when: conditionSchema,
    /** Source section ids (content/sources.json) of every statement in the advice text. */
    sources: z.array(z.string()).default([]),
    /**
     * Which answers made the rule fire, shown as its reason. Each fragment whose condition holds
     * is shown (`guide:advice.<id>.reasons.<fragment>`); without fragments, `guide:advice.<id>.reason`.
     */
    reasons: z.array(z.object({ id: idSchema, when: conditionSchema }).strict()).default([]),
  })
  .strict()
  .refine((r) => r.kind === 'suggestion' || r.sources.length > 0, {
    message: 'advice from the sources must cite at least one section',
  });

export const guideDefinitionSchema = z
  .object({
    version: z.number().int().positive(),
    steps: z.array(stepSchema).length(6),
    advice: z.array(adviceRuleSchema),
  })
  .strict();

export type GuideDefinition = z.infer<typeof guideDefinitionSchema>;
export type StepDefinition = z.infer<typeof stepSchema>;
export type PartDefinition = z.infer<typeof partSchema>;
export type QuestionDefinition = z.infer<typeof questionSchema>;
export type AdviceRule = z.infer<typeof adviceRuleSchema>;
