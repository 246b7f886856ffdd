import type { ChannelThread } from '../../channels';
import { translator, type Locale } from '../../i18n';
import { formatDateTime } from '..';

/** One note in the local feed: its card (rendered by the browser, as Teams would) and history. */
export interface FeedNote {
  id: string;
  card?: Record<string, unknown>;
  /** The message text, for a note without a card. */
  text: string;
  meta: string;
  history: string[];
}

export interface FeedView {
  locale: Locale;
  notes: FeedNote[];
  /** Changes whenever anything shown changes, so the page replaces its content only then. */
  version: string;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/** What the feed reads of a steering post (src/steering PostDoc): its activity and versions. */
export interface FeedPost {
  activityId?: string | undefined;
  versions?: { kind: string; at: string; changes?: string | undefined }[] | undefined;
}

/** The history lines of one note: from the post's record, or from the channel's count alone. */
function historyOf(
  thread: ChannelThread,
  post: FeedPost | undefined,
  t: ReturnType<typeof translator>,
  locale: Locale,
): string[] {
  const when = (iso: string) => formatDateTime(iso, locale);
  if (post?.versions?.length) {
    return [...post.versions]
      .reverse()
      .map((v) =>
        v.kind === 'posted'
          ? t('steering:feed.historyPosted', { when: when(v.at) })
          : v.changes
            ? t('steering:feed.historyUpdated', { when: when(v.at), changes: v.changes })
            : t('steering:feed.historyUpdatedPlain', { when: when(v.at) }),
      );
  }
  const posted = thread.activities[0]?.timestamp;
  return [
    ...(thread.lastUpdatedAt
      ? [t('steering:feed.updated', { count: thread.updates, when: when(thread.lastUpdatedAt) })]
      : []),
    ...(typeof posted === 'string'
      ? [t('steering:feed.historyPosted', { when: when(posted) })]
      : []),
  ];
}

/** The local steering channel as the feed page shows it, newest note first. */
export function feedView(threads: ChannelThread[], posts: FeedPost[], locale: Locale): FeedView {
  const t = translator(locale);
  const byActivity = new Map(posts.flatMap((p) => (p.activityId ? [[p.activityId, p]] : [])));
  const postedAt = (thread: ChannelThread): string => {
    const timestamp = thread.activities[0]?.timestamp;
    return typeof timestamp === 'string' ? timestamp : '';
  };
  const notes = [...threads]
    .sort((a, b) => postedAt(b).localeCompare(postedAt(a)))
    .flatMap((thread): FeedNote[] => {
      const note = thread.activities[0];
      if (!note) return [];
      const attachments = note.attachments as
        { contentType?: string; content?: Record<string, unknown> }[] | undefined;
      const card = attachments?.find((a) => a.contentType === CARD)?.content;
      const posted = postedAt(thread);
      const replies = thread.activities.length - 1;
      const meta = [
        posted ? t('steering:feed.posted', { when: formatDateTime(posted, locale) }) : '',
        thread.lastUpdatedAt
          ? t('steering:feed.updated', {
              count: thread.updates,
              when: formatDateTime(thread.lastUpdatedAt, locale),
            })
          : '',
        replies > 0 ? t('steering:feed.replies', { count: replies }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      return [
        {
          id: note.id,
          ...(card ? { card } : {}),
          text: typeof note.text === 'string' ? note.text : '',
          meta,
          history: historyOf(thread, byActivity.get(note.id), t, locale),
        },
      ];
    });
  const version = `${notes.length}:${threads.map((th) => `${th.conversationId}/${th.updates}/${th.activities.length}`).join(',')}`;
  return { locale, notes, version };
}
