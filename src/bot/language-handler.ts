import type { Locale } from '../i18n';
import type { UserPrefsStore } from '../plans';
import type { InboundActivity, Turn } from '../turn';
import type { GuideHandler } from './guide-handler';

/** The language a person chose: remembered per person, and the guide welcomes them in it. */
export class LanguageHandler {
  constructor(private readonly deps: { prefs: UserPrefsStore; guide: Pick<GuideHandler, 'run'> }) {}

  /** The language the person chose; a store that does not answer falls back to the channel's. */
  async chosen(activity: InboundActivity): Promise<Locale | undefined> {
    const userId = activity.from?.id;
    if (!userId) return undefined;
    const prefs = await this.deps.prefs.get(activity.channelId, userId).catch(() => ({}));
    return (prefs as { locale?: Locale }).locale;
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
