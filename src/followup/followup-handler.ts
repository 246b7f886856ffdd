import {
  escapeMessageText,
  formatDay,
  formatList,
  planUnreadableText,
  viewContext,
} from '../presentation';
import { checkinCardData, scheduleCardData } from '../presentation/chat';
import type { Turn } from '../turn';
import { renderCard } from '../cards';
import {
  effectOf,
  planEffects,
  type AfterSave,
  type Committed,
  type Effect,
  type Reaction,
} from '../after-save';
import {
  answerValues,
  figureInput,
  momentInput,
  NOTE_INPUT,
  START_INPUT,
  type Guide,
  type PlanState,
} from '../guide';
import { logId, type Logger } from '../logging';
import type { PlanStore } from '../plans';
import type { FollowupAction } from './actions';
import { followupTransition, type FollowupEvent, type FollowupResult } from './followup-engine';
import { COUNT_FIGURES, MOMENT_IDS, nextMoment, scheduleOf, type MomentId } from './schedule';
import type { ConversationRef, ScheduleStore } from './schedule-store';
import { checkinView, scheduleView, type ScheduleCardOptions } from './view-models';

type Inputs = Record<string, string | number | boolean>;

export interface FollowupHandlerDeps {
  guide: Guide;
  plans: PlanStore;
  schedules: ScheduleStore;
  logger: Logger;
  /** The scheduler's clock, so snoozes and "months since the start" follow a moved dev clock. */
  now: () => Date;
  /** Where a committed follow-up answer goes: the steering note, the counters and this worker react. */
  afterSave: AfterSave;
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
export class FollowupHandler implements Reaction {
  readonly reactionName = 'follow-up';

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
   * The follow-up's reaction to a committed change: a change to the schedule or its figures
   * wakes the worker; any later change to a completed plan was written here, so the conversation
   * is reachable again for check-ins. The schedule is proposed when the person asks for it (the
   * next-step card's "Plan de opvolging", or `opvolging`), not pushed on completion (issue 27).
   */
  async afterSave(commit: Committed): Promise<void> {
    const { turn, planKey } = commit;
    if (effectOf(commit, 'scheduleChanged')) this.deps.wake();
    const saved = effectOf(commit, 'planSaved');
    if (!turn || !saved) return;
    if (saved.state.status === 'completed') {
      await this.deps.schedules.remember(planKey, refOf(turn), false);
    }
  }

  private async scheduleCard(turn: Turn, plan: PlanState, options?: ScheduleCardOptions) {
    const doc = await this.deps.schedules.get(turn.planKey);
    const ctx = viewContext(this.deps.guide, plan, turn.locale, turn.t);
    const data = scheduleCardData(ctx, scheduleView(ctx.answers, doc, this.deps.now(), options));
    return { type: 'message' as const, attachments: [renderCard('followup-schedule', data)] };
  }

  /** Shows the schedule card and keeps its id, so confirming can update it in place. */
  private async sendSchedule(
    turn: Turn,
    plan: PlanState,
    options?: ScheduleCardOptions,
  ): Promise<void> {
    await this.deps.schedules.remember(turn.planKey, refOf(turn), true);
    const [sent] = await turn.sendForIds(await this.scheduleCard(turn, plan, options));
    const activityId = sent?.id;
    if (!activityId) return;
    await this.deps.schedules.update(turn.planKey, (doc) =>
      doc ? { next: { ...doc, card: { activityId } }, result: undefined } : { result: undefined },
    );
  }

  /**
   * After a confirmation: the schedule card shown last now shows the confirmed dates, where the
   * channel updates messages (Teams, the local Direct Line). Copilot does not; elsewhere a refused
   * update is no error, since the confirmation message names the dates itself.
   */
  private async updateScheduleCard(
    turn: Turn,
    plan: PlanState,
    moved: FollowupResult['moved'],
  ): Promise<boolean> {
    if (turn.surface === 'copilot') return false;
    const activityId = (await this.deps.schedules.get(turn.planKey))?.card?.activityId;
    if (!activityId) return false;
    try {
      await turn.update(activityId, await this.scheduleCard(turn, plan, moved ? { moved } : {}));
      return true;
    } catch (error) {
      this.deps.logger.info(
        { plan: logId(turn.planKey), err: (error as Error).name },
        'schedule card not updated in place; the confirmation names the dates',
      );
      return false;
    }
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
      if (event.type === 'confirm')
        return this.sendSchedule(turn, state, {
          ...(result.errors ? { errors: result.errors } : {}),
          ...(result.refused ? { refused: result.refused } : {}),
          inputs: event.inputs,
          shown: event.shown,
        });
      if (event.type !== 'checkin') return;
      const ctx = viewContext(this.deps.guide, state, locale, t);
      const view = checkinView(ctx.answers, locale, now, {
        moment: event.moment,
        errors: result.errors,
        values: event.inputs,
      });
      const data = checkinCardData(ctx, view);
      await turn.send({
        type: 'message',
        attachments: [renderCard('followup-checkin', data)],
      });
      return;
    }
    const updated =
      result.code === 'scheduleSaved' && state
        ? await this.updateScheduleCard(turn, state, result.moved)
        : false;
    await turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: await this.resultText(turn, state, result, updated),
    });
    if (!state) return;
    const effects: Effect[] = planEffects(state, outcome.effects);
    if (effects.length) effects.push({ kind: 'scheduleChanged' });
    if (result.code === 'checkinSaved') effects.push({ kind: 'checkinAnswered' });
    await this.deps.afterSave.dispatch({ planKey: key, turn, effects });
  }

  /** What a follow-up answer did; a confirmed schedule names its check-in days. */
  private async resultText(
    { t, locale, planKey: key }: Turn,
    state: PlanState | undefined,
    result: FollowupResult,
    cardUpdated: boolean,
  ): Promise<string> {
    const date = result.date ? formatDay(result.date, locale) : '';
    if (result.code === 'scheduleSaved' && state) {
      const doc = await this.deps.schedules.get(key);
      const schedule = scheduleOf(answerValues(state));
      const now = this.deps.now();
      const next = nextMoment(schedule, doc?.sent ?? {}, now);
      if (!next) return t('followup:result.scheduleSavedNone');
      const first = formatDay(next.date, locale);
      const dates = schedule.moments
        .filter((m) => m.date >= next.date && !m.skipped && !m.answered)
        .map((m) => formatDay(m.date, locale));
      const saved = cardUpdated
        ? t('followup:result.scheduleSavedAbove', { date: first })
        : t('followup:result.scheduleSavedDates', {
            date: first,
            dates: formatList(dates, locale),
          });
      const moved = Object.entries(result.moved ?? {}).map(([id, from]) =>
        t('followup:result.movedItem', {
          from: formatDay(from, locale),
          to: formatDay(schedule.moments.find((m) => m.id === id)?.date ?? from, locale),
        }),
      );
      return moved.length
        ? `${saved} ${t('followup:result.moved', { list: moved.join('; ') })}`
        : saved;
    }
    const text = t(`followup:result.${result.code}`, { date });
    if (result.overwrote === undefined) return text;
    const name = result.overwrote ? escapeMessageText(result.overwrote) : t('bot:someone');
    return `${text} ${t('followup:result.overwrote', { name })}`;
  }
}
