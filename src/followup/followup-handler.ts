import { escapeMessageText, planUnreadableText, viewContext } from '../presentation';
import type { Turn } from '../turn';
import { renderCard } from '../cards';
import { answerValues, type Guide, type PlanState, type Transition } from '../guide';
import { logId, type Logger } from '../logging';
import type { PlanStore } from '../plans';
import type { FollowupAction } from './actions';
import { followupTransition, type FollowupEvent, type FollowupResult } from './followup-engine';
import { formatDay } from './progress';
import { COUNT_FIGURES, MOMENT_IDS, nextMoment, scheduleOf, type MomentId } from './schedule';
import type { ConversationRef, ScheduleStore } from './schedule-store';
import {
  checkinCardData,
  figureInput,
  momentInput,
  NOTE_INPUT,
  scheduleCardData,
  START_INPUT,
} from './views';

type Inputs = Record<string, string | number | boolean>;

/** Runs after a follow-up answer changed the plan (the steering note follows it). */
export type AfterChange = (turn: Turn, state: PlanState) => Promise<void>;

/** The usage counters' view of the follow-up: a check-in went out, or one was answered. */
export type CheckinUsage = (event: 'sent' | 'answered') => Promise<void>;

export interface FollowupHandlerDeps {
  guide: Guide;
  plans: PlanStore;
  schedules: ScheduleStore;
  logger: Logger;
  /** The scheduler's clock, so snoozes and "months since the start" follow a moved dev clock. */
  now: () => Date;
  afterChange: AfterChange;
  usage?: CheckinUsage;
  /** Wakes the worker: a confirmed schedule may already be due. */
  wake: () => void;
}

function refOf(turn: Turn): ConversationRef {
  return {
    serviceUrl: turn.serviceUrl,
    conversationId: turn.conversationId,
    channelId: turn.channelId,
    locale: turn.locale,
    ...(turn.tenantId ? { tenantId: turn.tenantId } : {}),
  };
}

function eventOf(action: FollowupAction, inputs: Inputs): FollowupEvent | undefined {
  switch (action.verb) {
    case 'followup.schedule.confirm': {
      const values: Partial<Record<'start' | MomentId, string | number | boolean>> = {};
      if (inputs[START_INPUT] !== undefined) values.start = inputs[START_INPUT];
      for (const id of MOMENT_IDS) {
        const raw = inputs[momentInput(id)];
        if (raw !== undefined) values[id] = raw;
      }
      return { type: 'confirm', shown: action.shown, inputs: values };
    }
    case 'followup.snooze':
      return { type: 'snooze', moment: action.moment, date: action.date };
    case 'followup.skip':
      return { type: 'skip', moment: action.moment };
    case 'followup.stop':
      return { type: 'stop' };
    case 'followup.checkin.submit': {
      const values: Inputs = {};
      for (const f of COUNT_FIGURES) {
        if (inputs[figureInput(f)] !== undefined) values[f] = inputs[figureInput(f)]!;
      }
      if (inputs[NOTE_INPUT] !== undefined) values.note = inputs[NOTE_INPUT];
      return { type: 'checkin', moment: action.moment, inputs: values, revision: action.rev };
    }
    default:
      return undefined;
  }
}

/** The bot's side of the follow-up: the command, the card verbs, the proposal on completion. */
export class FollowupHandler {
  constructor(private readonly deps: FollowupHandlerDeps) {}

  /** `opvolging` / `follow-up` and the "see the schedule" button. */
  async show(turn: Turn): Promise<void> {
    const read = await this.deps.plans.lookup(turn.planKey);
    if (!read.ok) return turn.send(planUnreadableText(turn.t, read));
    if (!read.plan || read.plan.status === 'notStarted') {
      await turn.send(turn.t('followup:result.noPlan'));
      return;
    }
    try {
      await this.sendSchedule(turn, read.plan);
    } catch (error) {
      this.deps.logger.warn(
        { plan: logId(turn.planKey), err: (error as Error).name },
        'follow-up schedule not shown',
      );
      await turn.send(turn.t('followup:result.failed'));
    }
  }

  /**
   * After a guide turn on a completed plan. The schedule is proposed when the person asks for it
   * (the next-step card's "Plan de opvolging", or `opvolging`), not pushed on completion (issue 27).
   */
  async afterGuideTurn(turn: Turn, result: Transition): Promise<void> {
    try {
      if (result.state.status === 'completed') {
        // Someone wrote here: the conversation is reachable again for check-ins.
        await this.deps.schedules.remember(turn.planKey, refOf(turn), false);
      }
    } catch (error) {
      this.deps.logger.error(
        { plan: logId(turn.planKey), err: (error as Error).name },
        'could not propose the follow-up',
      );
    }
  }

  private async sendSchedule(
    turn: Turn,
    plan: PlanState,
    errors?: FollowupResult['errors'],
  ): Promise<void> {
    await this.deps.schedules.remember(turn.planKey, refOf(turn), true);
    const doc = await this.deps.schedules.get(turn.planKey);
    const ctx = viewContext(this.deps.guide, plan, turn.locale, turn.t);
    const data = scheduleCardData(ctx, doc, this.deps.now(), errors);
    await turn.send({
      type: 'message',
      attachments: [renderCard('followup-schedule', data)],
    });
  }

  /** A press on a schedule or check-in card. */
  async act(turn: Turn, action: FollowupAction, inputs: Inputs): Promise<void> {
    if (action.verb === 'followup.schedule.show') return this.show(turn);
    const event = eventOf(action, inputs);
    if (!event) return;
    const { t, locale, planKey: key } = turn;
    const now = this.deps.now();
    let outcome;
    try {
      outcome = await this.deps.plans.change(key, (current) =>
        followupTransition(current, event, { now, actor: turn.actor }),
      );
    } catch (error) {
      // An unreadable plan or a storm of concurrent edits: say so, lose nothing, never a 500.
      this.deps.logger.warn(
        { plan: logId(key), err: (error as Error).name },
        'follow-up answer not saved',
      );
      await turn.send(t('followup:result.failed'));
      return;
    }
    const { state, result } = outcome;
    if (state) await this.deps.schedules.remember(key, refOf(turn), true);
    if (result.code === 'invalid' && state) {
      if (event.type !== 'checkin') return this.sendSchedule(turn, state, result.errors);
      const ctx = viewContext(this.deps.guide, state, locale, t);
      const data = checkinCardData(ctx, now, {
        moment: event.moment,
        errors: result.errors,
        values: event.inputs,
      });
      await turn.send({
        type: 'message',
        attachments: [renderCard('followup-checkin', data)],
      });
      return;
    }
    await turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: await this.resultText(turn, state, result),
    });
    if (result.code === 'checkinSaved') await this.deps.usage?.('answered');
    if (state && result.code !== 'unchanged' && result.code !== 'noPlan') {
      this.deps.wake();
      await this.deps.afterChange(turn, state);
    }
  }

  private async resultText(
    { t, locale, planKey: key }: Turn,
    state: PlanState | undefined,
    result: FollowupResult,
  ): Promise<string> {
    const date = result.date ? formatDay(result.date, locale) : '';
    if (result.code === 'scheduleSaved' && state) {
      const doc = await this.deps.schedules.get(key);
      const next = nextMoment(scheduleOf(answerValues(state)), doc?.sent ?? {}, this.deps.now());
      return next
        ? t('followup:result.scheduleSaved', { date: formatDay(next.date, locale) })
        : t('followup:result.scheduleSavedNone');
    }
    const text = t(`followup:result.${result.code}`, { date });
    if (result.overwrote === undefined) return text;
    const name = result.overwrote ? escapeMessageText(result.overwrote) : t('bot:someone');
    return `${text} ${t('followup:result.overwrote', { name })}`;
  }
}
