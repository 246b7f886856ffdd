import { z } from 'zod';
import type { Locale } from '../i18n';
import { userKey, type BrugStorage } from '../storage';

const prefsSchema = z.object({ locale: z.enum(['nl', 'en']).optional() });
export type UserPrefs = z.infer<typeof prefsSchema>;

/** Per-person settings (language) are keyed per user, not per conversation. */
export class UserPrefsStore {
  constructor(private readonly storage: BrugStorage) {}

  private key(channelId: string, userId: string): string {
    return userKey(channelId, userId);
  }

  async get(channelId: string, userId: string): Promise<UserPrefs> {
    const items = await this.storage.read([this.key(channelId, userId)]);
    const parsed = prefsSchema.safeParse(items[this.key(channelId, userId)] ?? {});
    return parsed.success ? parsed.data : {};
  }

  async setLocale(channelId: string, userId: string, locale: Locale): Promise<void> {
    // Only this user writes their own preferences, so last-writer-wins is the right semantics.
    await this.storage.write({ [this.key(channelId, userId)]: { locale, eTag: '*' } });
  }
}
