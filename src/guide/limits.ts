import type { QuestionDefinition } from './definition-schema';

/**
 * The input prefix and the text length limits, in one place: the guide's questions, the
 * follow-up's check-in inputs, the cards that show them and the router that reads them back.
 */

/** Card inputs carry the id of the question they answer: `q_<question id>`. */
const INPUT_ID = /^q_([a-z][a-zA-Z0-9]{0,63})$/;

/** The id a card gives a question's input, which `questionIdOf` turns back into the question id. */
export function inputIdFor(questionId: string): string {
  return `q_${questionId}`;
}

/** The question a submitted input id names, or undefined for any other key of the submission. */
export function questionIdOf(inputId: string): string | undefined {
  return INPUT_ID.exec(inputId)?.[1];
}

/**
 * The follow-up cards' input ids (schedule start, one per moment, one per count, the note):
 * `q_` like the guide's through `inputIdFor`, so the bot's one submit parser collects them.
 */
export const START_INPUT = 'fuStart';
export const momentInput = (id: string) => `fu${id.toUpperCase()}`;
export const figureInput = (figure: string) => `fu${figure[0]!.toUpperCase()}${figure.slice(1)}`;
export const NOTE_INPUT = 'fuNote';

/** The most a question definition may allow (`maxLength` in guide.json). */
export const MAX_ANSWER_LENGTH = 4000;

/** What a text question allows when its definition sets no `maxLength`. */
const DEFAULT_MAX_LENGTH = { text: 300, multiline: 3000 } as const;

/** Longer than any question allows, so the engine can say "too long" instead of us dropping it. */
export const MAX_INPUT_CHARS = 5000;

/** The length a text or multiline question accepts (its own `maxLength`, else the default). */
export function maxLengthOf(q: QuestionDefinition): number {
  return (
    q.maxLength ?? (q.type === 'multiline' ? DEFAULT_MAX_LENGTH.multiline : DEFAULT_MAX_LENGTH.text)
  );
}
