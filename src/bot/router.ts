import { z } from 'zod';
import { MAX_INPUT_CHARS, questionIdOf } from '../guide';
import type { Turn } from '../turn';
import { parseCommand, type Command } from './commands';

export type Inputs = Record<string, string | number | boolean>;

type VerbSchema = z.ZodObject<{ verb: z.ZodLiteral<string> } & z.ZodRawShape>;

/** One card verb: its payload schema and what handles it. */
export interface VerbRoute {
  readonly verb: string;
  readonly schema: VerbSchema;
  handle(turn: Turn, action: unknown, inputs: Inputs): Promise<void>;
}

/** Pairs a verb's schema with its handler, typed by the schema. */
export function verb<S extends VerbSchema>(
  schema: S,
  handle: (turn: Turn, action: z.infer<S>, inputs: Inputs) => Promise<void>,
): VerbRoute {
  return {
    verb: schema.shape.verb.value,
    schema,
    handle: (turn, action, inputs) => handle(turn, action as z.infer<S>, inputs),
  };
}

/** A handler per command kind; the type makes a command without a handler a compile error. */
export type CommandRoutes = {
  [K in Command['kind']]: (turn: Turn, command: Extract<Command, { kind: K }>) => Promise<void>;
};

/** The limit has one owner (src/guide/limits.ts); the router reports it in its rejections. */
export { MAX_INPUT_CHARS } from '../guide';
const inputValue = z.union([z.string().max(MAX_INPUT_CHARS), z.number(), z.boolean()]);

export type SubmitRejection = 'notAnObject' | 'unknownVerb' | 'malformed' | 'inputTooLong';

export type Routed =
  { ok: true; run: () => Promise<void> } | { ok: false; reason: SubmitRejection };

/**
 * The one registry of what the bot does: command words and card verbs, each mapped to its
 * handler. Adding a card verb is one `verb(schema, handler)` entry.
 */
export class Router {
  private readonly verbs: ReadonlyMap<string, VerbRoute>;

  constructor(
    verbs: VerbRoute[],
    private readonly commands: CommandRoutes,
  ) {
    const byVerb = new Map<string, VerbRoute>();
    for (const route of verbs) {
      if (byVerb.has(route.verb)) throw new Error(`card verb "${route.verb}" is routed twice`);
      byVerb.set(route.verb, route);
    }
    this.verbs = byVerb;
  }

  /** Every verb a card may carry. */
  knownVerbs(): string[] {
    return [...this.verbs.keys()];
  }

  /** A typed command, or undefined when the text is a question. */
  command(turn: Turn, text: string): (() => Promise<void>) | undefined {
    const command = parseCommand(text);
    if (!command) return undefined;
    const handle = this.commands[command.kind] as (turn: Turn, command: Command) => Promise<void>;
    return () => handle(turn, command);
  }

  /**
   * An `Action.Submit` payload (card data merged with input values by the channel), validated
   * by its verb's schema. Inputs are collected into a prototype-free object keyed by question
   * id, so keys such as `__proto__` in a forged payload are just ignored.
   */
  submit(turn: Turn, value: unknown): Routed {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { ok: false, reason: 'notAnObject' };
    const record = value as Record<string, unknown>;
    const route = typeof record.verb === 'string' ? this.verbs.get(record.verb) : undefined;
    if (!route) return { ok: false, reason: 'unknownVerb' };
    const parsed = route.schema.safeParse(record);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    const inputs = Object.create(null) as Inputs;
    for (const key of Object.keys(record)) {
      const questionId = questionIdOf(key);
      if (questionId === undefined) continue;
      const v = inputValue.safeParse(record[key]);
      if (!v.success)
        return {
          ok: false,
          reason: typeof record[key] === 'string' ? 'inputTooLong' : 'malformed',
        };
      inputs[questionId] = v.data;
    }
    return { ok: true, run: () => route.handle(turn, parsed.data, inputs) };
  }
}
