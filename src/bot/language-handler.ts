import { cardLocaleOf, localeToKeep, type Locale } from '../i18n';
import type { UserPrefsStore } from '../plans';
import type { InboundActivity, Turn } from '../turn';
import type { GuideHandler } from './guide-handler';

/** The language a person chose: remembered per person, and the guide welcomes them in it. */
export class LanguageHandler {
  constructor(private readonly deps: { prefs: UserPrefsStore; guide: Pick<GuideHandler, 'run'> }) {}

  /**
   * The language the person chose; a store that does not answer falls back to the channel's. A
   * card answered in another language than the client's settles it (`localeToKeep`).
   */
  async chosen(activity: InboundActivity): Promise<Locale | undefined> {
    const userId = activity.from?.id;
    if (!userId) return undefined;
    const prefs = await this.deps.prefs.get(activity.channelId, userId).catch(() => ({}));
    const chosen = (prefs as { locale?: Locale }).locale;
    const keep = localeToKeep({
      chosen,
      card: cardLocaleOf(activity.value),
      channel: activity.locale,
      shared:
        Boolean(activity.conversation.isGroup) ||
        activity.conversation.conversationType === 'channel',
    });
    if (!keep) return chosen;
    await this.deps.prefs.setLocale(activity.channelId, userId, keep).catch(() => undefined);
    return keep;
  }

  async set(turn: Turn, locale: Locale): Promise<void> {
    if (turn.userId) await this.deps.prefs.setLocale(turn.channelId, turn.userId, locale);
    const next = turn.withLocale(locale);
    // `brugbotLocale` lets the browser page switch its own texts too (Teams ignores it).
    await next.send({
      type: 'message',
      text: next.t('bot:language.changed'),
      channelData: { brugbotLocale: locale },
    });
    await this.deps.guide.run(next, { type: 'welcome' });
  }
}
