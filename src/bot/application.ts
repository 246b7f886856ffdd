import { errorForLog, logId, type Logger } from '../logging';
import { FEEDBACK_INVOKE, type AnswerFeedback } from '../insight';
import {
  createTurn,
  type InboundActivity,
  type ProcessResult,
  type Turn,
  type TurnApplication,
  type TurnIo,
} from '../turn';
import type { LanguageHandler } from './language-handler';
import { brugRouter, type RouteHandlers } from './routes';
import { MAX_INPUT_CHARS, type Router } from './router';

/** Teams' own limit is about 28 000 characters; the guide never needs more than this. */
export const MAX_TEXT_CHARS = 4000;

/**
 * Brugbot's cards use Action.Submit (message activities), so no invoke is expected. A clear 400
 * says "not supported here" without looking like a server fault.
 */
const UNSUPPORTED_INVOKE: ProcessResult = {
  status: 400,
  body: { error: 'UnsupportedInvoke', message: 'This bot does not handle this invoke.' },
};

export interface BrugAppDeps {
  /** Every handler the router hands commands and card verbs to. */
  handlers: RouteHandlers & { language: LanguageHandler; feedback: AnswerFeedback };
  logger: Logger;
}

/**
 * The application both hosts run: activity in, turn built, routed to its handler, errors
 * answered. It composes and routes only; what a turn does lives in the handlers, and what
 * happens after a committed change in the after-save pipeline (src/after-save).
 */
export class BrugApp implements TurnApplication {
  private readonly router: Router;

  constructor(private readonly deps: BrugAppDeps) {
    this.router = brugRouter(deps.handlers);
  }

  async handle(activity: InboundActivity, io: TurnIo): Promise<ProcessResult | undefined> {
    const { handlers } = this.deps;
    if (activity.type === 'invoke' && activity.name === FEEDBACK_INVOKE)
      return handlers.feedback.fromInvoke(activity);
    if (activity.type === 'invoke') {
      this.deps.logger.info(
        { name: String(activity.name ?? '').slice(0, 60) },
        'unsupported invoke',
      );
      return UNSUPPORTED_INVOKE;
    }
    const turn = createTurn(activity, io, await handlers.language.chosen(activity));
    try {
      await this.dispatch(turn);
    } catch (error) {
      this.deps.logger.error(
        { conversation: logId(turn.conversationId), err: errorForLog(error) },
        'turn failed',
      );
      // What was saved stays saved; the person hears that something went wrong, nothing more.
      await turn.send(turn.t('bot:errors.unexpected')).catch(() => undefined);
    }
    return undefined;
  }

  private async dispatch(turn: Turn): Promise<void> {
    const { input } = turn;
    if (input.kind === 'joined') return this.deps.handlers.guide.run(turn, { type: 'welcome' });
    if (input.kind === 'submit') return this.submit(turn, input.value);
    if (input.kind !== 'text') return;
    if (!input.text) return turn.send(turn.t('bot:errors.emptyMessage'));
    if (input.text.length > MAX_TEXT_CHARS)
      return turn.send(turn.t('bot:errors.tooLong', { max: MAX_TEXT_CHARS }));
    const command = this.router.command(turn, input.text);
    if (command) return command();
    return this.deps.handlers.quickQuestions.ask(turn, { text: input.text });
  }

  private async submit(turn: Turn, value: unknown): Promise<void> {
    const routed = this.router.submit(turn, value);
    if (routed.ok) return routed.run();
    this.deps.logger.warn(
      { conversation: logId(turn.conversationId), reason: routed.reason },
      'rejected card submit',
    );
    await turn.send(turn.t(`bot:errors.submit.${routed.reason}`, { max: MAX_INPUT_CHARS }));
  }
}
