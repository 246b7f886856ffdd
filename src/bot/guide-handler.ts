import { planEffects, type AfterSave } from '../after-save';
import type { Guide, GuideEvent, Position } from '../guide';
import type { Locale } from '../i18n';
import { errorForLog, logId, type Logger } from '../logging';
import { CorruptPlanError, type PlanStore } from '../plans';
import { planProgress } from '../followup';
import { viewContext } from '../presentation';
import { renderOutputs, renderReceipt } from '../presentation/chat';
import type { QnaService } from '../qna';
import { ConcurrencyExhaustedError } from '../storage';
import type { SteeringHandler } from '../steering';
import type { OutgoingActivity, Turn } from '../turn';

/** An ActionSet shows at most a handful of buttons; three keeps the card calm. */
const MAX_QNA_LINKS = 3;

export interface GuideHandlerDeps {
  guide: Guide;
  plans: PlanStore;
  qna: QnaService;
  /** The linked channels the summary card offers to share with. */
  steering: Pick<SteeringHandler, 'shareChoices'>;
  afterSave: Pick<AfterSave, 'dispatch'>;
  logger: Logger;
  now: () => Date;
  /** Where a plan can be read in full (the plan tab, by its hashed ref); linked from shortened answers. */
  planUrl?: (planKey: string) => string;
}

/** The guide: an event on the plan, committed, shown, then handed to the after-save pipeline. */
export class GuideHandler {
  constructor(private readonly deps: GuideHandlerDeps) {}

  async run(turn: Turn, event: GuideEvent): Promise<void> {
    let result;
    try {
      result = await this.deps.plans.apply(turn.planKey, event, {
        now: this.deps.now(),
        actor: turn.actor,
      });
    } catch (error) {
      if (error instanceof CorruptPlanError) {
        this.deps.logger.error(
          { conversation: logId(turn.planKey), err: error.message },
          'stored plan is unreadable',
        );
        return turn.send(turn.t('bot:errors.corruptPlan'));
      }
      if (error instanceof ConcurrencyExhaustedError) {
        this.deps.logger.warn(
          { conversation: logId(turn.planKey) },
          'gave up after repeated concurrent edits',
        );
        return turn.send(turn.t('bot:errors.busy'));
      }
      throw error;
    }
    // "jou" only where the card is for one person; a group sees names on the same card.
    const ctx = viewContext(this.deps.guide, result.state, turn.locale, turn.t, {
      ...(turn.isGroup ? {} : { viewer: turn.actor }),
      ...(this.deps.planUrl ? { planUrl: this.deps.planUrl(turn.planKey) } : {}),
      ...(result.derived ? { derived: result.derived } : {}),
    });
    if (result.outputs.some((o) => o.kind === 'summary')) {
      ctx.steeringChoices = await this.deps.steering.shareChoices(turn);
      ctx.progress = planProgress(ctx.answers, ctx.locale, ctx.state.updatedAt);
    }
    // The answered card shrinks to its receipt first, so the next card lands below it and keeps
    // its place in view (a card shrinking above it afterwards would pull it out of view).
    await this.replaceAnsweredCard(turn, renderReceipt(ctx, result.outputs));
    await turn.send(
      ...renderOutputs(ctx, result.outputs, (position) => this.qnaLinks(position, turn.locale)),
    );
    // After the reply: whatever reacts to a committed change acts on what the engine says changed.
    await this.deps.afterSave.dispatch({
      planKey: turn.planKey,
      turn,
      effects: planEffects(result.state, result.effects),
    });
  }

  /**
   * Where the channel updates messages, the card the person answered becomes a one-line receipt,
   * so the conversation stays short and old buttons go. A channel that cannot (Azure's Direct
   * Line) refuses the update: the answered card then simply stays, which is never wrong.
   */
  private async replaceAnsweredCard(turn: Turn, receipt: OutgoingActivity | undefined) {
    if (!receipt || !turn.repliesTo) return;
    await turn
      .update(turn.repliesTo, receipt)
      .catch((error: unknown) =>
        this.deps.logger.info(
          { conversation: logId(turn.conversationId), err: errorForLog(error) },
          'answered card not replaced',
        ),
      );
  }

  /** The knowledge-base entries a card links to, e.g. "Wat telt als geslaagd?" on the success part. */
  private qnaLinks(position: Position, locale: Locale): { entryId: string; title: string }[] {
    const part = this.deps.guide.step(position.step).parts[position.part];
    const ids = part ? [...part.qna, ...part.questions.flatMap((q) => q.qna)] : [];
    return [...new Set(ids)]
      .map((id) => this.deps.qna.byId(id, locale))
      .filter((a) => a !== undefined)
      .slice(0, MAX_QNA_LINKS)
      .map((a) => ({ entryId: a.entryId, title: a.title }));
  }
}
