import { z } from 'zod';
import { SUBMIT_NAVS, type GuideEvent } from '../guide';
import type { Turn } from '../turn';
import { followupActionSchemas, type FollowupHandler } from '../followup';
import type { DocumentsHandler, ExportHandler } from '../export';
import type { SteeringHandler } from '../steering';
import { answerFeedbackSchema, type AnswerFeedback } from '../insight';
import type { GuideHandler } from './guide-handler';
import type { HistoryHandler } from './history-handler';
import type { LanguageHandler } from './language-handler';
import type { QuickQuestionHandler } from './quick-question-handler';
import type { PrivacyHandler } from './privacy-handler';
import { Router, verb } from './router';

const step = z.coerce.number().int().min(1).max(6);
const part = z.coerce.number().int().min(0).max(19);
const revision = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** What the routes call: one method per capability, each taking the turn. */
export interface RouteHandlers {
  guide: Pick<GuideHandler, 'run'>;
  /** A question typed or chosen from a card; `entryId` names a knowledge-base entry. */
  quickQuestions: Pick<QuickQuestionHandler, 'ask'>;
  language: Pick<LanguageHandler, 'set'>;
  privacy: PrivacyHandler;
  history: HistoryHandler;
  steering: SteeringHandler;
  exporter: ExportHandler;
  documents: DocumentsHandler;
  followup: FollowupHandler;
  feedback: AnswerFeedback;
}

/** Every command word and card verb Brugbot understands, and which handler answers it. */
export function brugRouter(h: RouteHandlers): Router {
  const guide = (event: GuideEvent) => (turn: Turn) => h.guide.run(turn, event);
  return new Router(
    [
      verb(z.object({ verb: z.literal('guide.start') }), guide({ type: 'start' })),
      verb(z.object({ verb: z.literal('guide.overview') }), guide({ type: 'overview' })),
      verb(z.object({ verb: z.literal('guide.summary') }), guide({ type: 'summary' })),
      verb(z.object({ verb: z.literal('guide.goto'), step }), (turn, a) =>
        h.guide.run(turn, { type: 'goto', step: a.step }),
      ),
      // A receipt's "Wijzig": the card of that step and part again.
      verb(z.object({ verb: z.literal('guide.open'), step, part }), (turn, a) =>
        h.guide.run(turn, { type: 'goto', step: a.step, part: a.part }),
      ),
      verb(
        z.object({
          verb: z.literal('guide.submit'),
          step,
          part,
          rev: revision,
          nav: z.enum(SUBMIT_NAVS),
          /** For `nav: 'deepen'`: the part of the step to open. */
          target: part.optional(),
        }),
        (turn, a, inputs) =>
          h.guide.run(turn, {
            type: 'submitStep',
            step: a.step,
            part: a.part,
            revision: a.rev,
            nav: a.nav,
            ...(a.target !== undefined ? { target: a.target } : {}),
            values: inputs,
          }),
      ),
      verb(z.object({ verb: z.literal('guide.restart.confirm'), rev: revision }), (turn, a) =>
        h.guide.run(turn, { type: 'restartConfirm', revision: a.rev }),
      ),
      verb(z.object({ verb: z.literal('guide.restart.cancel') }), guide({ type: 'restartCancel' })),
      verb(
        z.object({
          verb: z.literal('qna.ask'),
          entryId: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,79}$/),
        }),
        (turn, a) => h.quickQuestions.ask(turn, { entryId: a.entryId }),
      ),
      verb(z.object({ verb: z.literal('lang.set'), locale: z.enum(['nl', 'en']) }), (turn, a) =>
        h.language.set(turn, a.locale),
      ),
      ...followupActionSchemas.map((schema) =>
        verb(schema, (turn, action, inputs) => h.followup.act(turn, action, inputs)),
      ),
      verb(z.object({ verb: z.literal('privacy.delete.confirm'), rev: revision }), (turn, a) =>
        h.privacy.confirmDelete(turn, a.rev),
      ),
      verb(z.object({ verb: z.literal('privacy.delete.cancel') }), (turn) =>
        h.privacy.cancelDelete(turn),
      ),
      verb(answerFeedbackSchema, (turn, a) => h.feedback.fromCard(turn, a.token, a.helpful)),
      verb(z.object({ verb: z.literal('documents.list') }), (turn) => h.documents.send(turn)),
      // The summary card's choice list puts the chosen team id in `steeringTarget`.
      verb(
        z.object({
          verb: z.literal('steering.share'),
          steeringTarget: z.string().min(1).max(512).optional(),
        }),
        (turn, a) => h.steering.share(turn, a.steeringTarget),
      ),
      // The share preview: posts only what it showed, to the channel it named (issue 27).
      verb(
        z.object({
          verb: z.literal('steering.share.confirm'),
          channel: z.string().min(1).max(512),
          hash: z.string().regex(/^[0-9a-f]{32}$/),
          steeringTarget: z.string().max(512).optional(),
        }),
        (turn, a) => h.steering.confirmShare(turn, a),
      ),
      verb(z.object({ verb: z.literal('steering.share.decline') }), (turn) =>
        h.steering.declineShare(turn),
      ),
    ],
    {
      start: guide({ type: 'start' }),
      help: guide({ type: 'help' }),
      back: guide({ type: 'back' }),
      overview: guide({ type: 'overview' }),
      summary: guide({ type: 'summary' }),
      restart: guide({ type: 'restartRequest' }),
      undo: guide({ type: 'undo' }),
      language: (turn, c) => h.language.set(turn, c.locale),
      asOf: (turn, c) => h.history.sendAsOf(turn, c.date),
      myData: (turn) => h.privacy.sendMyData(turn),
      deletePlan: (turn) => h.privacy.askDelete(turn),
      linkSteering: (turn) => h.steering.link(turn),
      shareSummary: (turn) => h.steering.share(turn),
      export: (turn) => h.exporter.send(turn),
      documents: (turn) => h.documents.send(turn),
      followUp: (turn) => h.followup.show(turn),
    },
  );
}
