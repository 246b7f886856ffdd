import type { PlanStore } from '../plans';
import type { QnaService } from '../qna';
import type { AnswerFeedback, UsageCounter } from '../insight';
import type { Turn } from '../turn';
import { qnaReply } from '../presentation/chat';

export interface QuickQuestionDeps {
  qna: QnaService;
  plans: Pick<PlanStore, 'lookup'>;
  feedback: AnswerFeedback;
  usage: Pick<UsageCounter, 'question'>;
}

/** A question typed or chosen from a card, answered from the knowledge base. */
export class QuickQuestionHandler {
  constructor(private readonly deps: QuickQuestionDeps) {}

  /**
   * A quick question never needs the plan to be answered; the plan only adds the way back to
   * where the person was, so a store that does not answer costs the link, not the answer.
   */
  async ask(turn: Turn, question: { text: string } | { entryId: string }): Promise<void> {
    const { qna } = this.deps;
    const result =
      'text' in question
        ? qna.ask(question.text, turn.locale)
        : (qna.byId(question.entryId, turn.locale) ?? { kind: 'decline', suggestions: [] });
    const read = await this.deps.plans.lookup(turn.planKey);
    const plan = read.ok ? read.plan : undefined;
    const resumeStep = plan?.status === 'inProgress' ? plan.currentStep : undefined;
    const reply = qnaReply(result, turn.t, resumeStep, turn.surface);
    if (result.kind === 'answer') {
      const { activity, token } = this.deps.feedback.decorate(reply, turn);
      const [sent] = await turn.sendForIds(activity);
      await this.deps.feedback.opened(turn, result.entryId, token, sent?.id);
    } else await turn.send(reply);
    if ('text' in question) await this.deps.usage.question(turn, question.text, result);
  }
}
