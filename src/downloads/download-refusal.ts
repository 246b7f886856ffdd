import type { TFunction } from 'i18next';
import type { Locale } from '../i18n';
import { formatDateTime } from '../presentation';
import { DownloadLimitError } from './download-index';

/**
 * What to tell someone whose download could not be made: too many live links for them or their
 * organisation (and when the first one expires), or a file over the size limit. Undefined for
 * any other error, which the caller lets through.
 */
function downloadRefusal(error: unknown, t: TFunction, locale: Locale): string | undefined {
  if (error instanceof DownloadLimitError)
    return t(`bot:downloads.limit.${error.scope}`, {
      time: formatDateTime(new Date(error.retryAt).toISOString(), locale),
    });
  if (error instanceof RangeError) return t('bot:downloads.tooLarge');
  return undefined;
}

/**
 * Makes a download for someone in a conversation; on a refusal (cap, size) tells them why and
 * resolves undefined, so nothing else happens. Any other error is thrown.
 */
export async function downloadFor<T>(
  turn: { t: TFunction; locale: Locale; send(text: string): Promise<unknown> },
  make: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await make();
  } catch (error) {
    const refusal = downloadRefusal(error, turn.t, turn.locale);
    if (refusal === undefined) throw error;
    await turn.send(refusal);
    return undefined;
  }
}
