import type { AnswerError } from './answers';
import type { Actor } from './plan-state';

export const SUBMIT_NAVS = ['next', 'back', 'stay', 'overview', 'skip', 'fill', 'deepen'] as const;
export type SubmitNav = (typeof SUBMIT_NAVS)[number];

/** What a person did, independent of the channel that carried it. */
export type GuideEvent =
  | { type: 'welcome' }
  | { type: 'start' }
  | { type: 'help' }
  | { type: 'back' }
  | { type: 'overview' }
  | { type: 'summary' }
  /** `part`: a card of the step (a receipt's "Wijzig"); without it, the step's first card. */
  | { type: 'goto'; step: number; part?: number }
  | {
      type: 'submitStep';
      step: number;
      part: number;
      revision: number;
      values: Readonly<Record<string, string | number | boolean>>;
      /**
       * `skip` moves on despite open points (after the "Nog open" prompt), `fill` shows the card
       * again with its open points marked, `deepen` opens the optional part `target` of the step.
       */
      nav: SubmitNav;
      target?: number;
    }
  | { type: 'restartRequest' }
  | { type: 'restartConfirm'; revision: number }
  | { type: 'restartCancel' }
  | { type: 'undo' };

export interface EngineContext {
  now: Date;
  actor: Actor;
}

export type NoticeCode =
  | 'resumed'
  | 'alreadyCompleted'
  | 'staleCard'
  | 'staleCardMerged'
  | 'futureCard'
  | 'overwrote'
  | 'invalidAnswers'
  | 'newQuestions'
  | 'restarted'
  | 'restartCancelled'
  | 'restartExpired'
  | 'undone'
  | 'nothingToUndo'
  | 'atFirstStep'
  | 'skippedQuestions';

export type NoticeParams = Record<string, string | number>;

/** What the bot should show; the bot layer renders these with cards and locale texts. */
export type GuideOutput =
  | { kind: 'welcome'; resumable: boolean }
  | { kind: 'help' }
  | {
      kind: 'step';
      step: number;
      part: number;
      errors?: Record<string, AnswerError>;
      /** Required questions left empty, marked on the card after "Invullen". */
      open?: string[];
      /** Tips said for the first time, shown inside this card (advice-once.ts). */
      advice?: string[];
      /** What a refused submit sent, shown again as the person left it (not the stored values). */
      sent?: Record<string, string>;
    }
  /** The card a submit came from is done: where the channel can, it becomes a one-line receipt. */
  | { kind: 'receipt'; step: number; part: number }
  /** "Nog open: … — Toch verder / Invullen", before leaving a card with empty required questions. */
  | { kind: 'openPrompt'; step: number; part: number; questions: string[] }
  | { kind: 'overview' }
  | { kind: 'summary' }
  /** After the first completion: share with the steungroep, the documents, the follow-up. */
  | { kind: 'nextSteps' }
  | { kind: 'confirmRestart' }
  | { kind: 'notice'; code: NoticeCode; params?: NoticeParams; questions?: string[] };
