import { cardBytes, renderCard, type CardAttachment } from '../src/cards';
import { LOCALES, translator } from '../src/i18n';
import { stepCardData } from '../src/presentation/chat';
import {
  confirmRestartCardData,
  helpCardData,
  overviewCardData,
  summaryCard,
  welcomeCardData,
} from '../src/presentation/chat';
import { viewContext } from '../src/presentation';
import { withProgress } from '../src/followup';
import { qnaReply } from '../src/presentation/chat';
import { createQnaService } from '../src/qna';
import { planKey } from '../src/plans';
import { SqliteStorage } from '../src/storage';
import { filledPlan, realGuide } from '../test/helpers/plans';

export interface LargestCard {
  bytes: number;
  card: string;
}

/**
 * The largest card the bot can send: every card of every part for the worst-case plan (every
 * answer at its maximum length, full of characters that escape), with errors, notices and
 * knowledge-base links, plus the other cards and every quick answer, in both languages.
 */
export function largestCard(): LargestCard {
  const guide = realGuide();
  const plan = filledPlan();
  const qna = createQnaService();
  let largest: LargestCard = { bytes: 0, card: '' };
  const consider = (label: string, card: CardAttachment | undefined) => {
    const bytes = card ? cardBytes(card) : 0;
    if (bytes > largest.bytes) largest = { bytes, card: label };
  };
  for (const locale of LOCALES) {
    const t = translator(locale);
    const ctx = viewContext(guide, plan, locale, t);
    for (let step = 1; step <= guide.stepCount; step++) {
      guide.step(step).parts.forEach((_p, part) => {
        const first = guide.questionsOfPart({ step, part })[0];
        const errors = first ? { [first.id]: 'tooLong' as const } : {};
        const notices = [
          {
            text: t('bot:notices.staleCardMerged', { questions: 'x, y, z' }),
            style: 'accent' as const,
          },
        ];
        const links = qna
          .entryIds()
          .slice(0, 3)
          .map((entryId) => ({ entryId, title: qna.byId(entryId, locale)!.title }));
        consider(
          `step ${step} part ${part} (${locale})`,
          renderCard(
            'step',
            stepCardData(
              ctx,
              { step, part },
              {
                errors,
                notices,
                qnaLinks: links,
                advice: guide.definition.advice.filter((a) => a.step === step).map((a) => a.id),
              },
            ),
          ),
        );
      });
    }
    consider(`welcome (${locale})`, renderCard('welcome', welcomeCardData(ctx, true)));
    consider(`help (${locale})`, renderCard('help', helpCardData(ctx)));
    consider(`overview (${locale})`, renderCard('overview', overviewCardData(ctx)));
    consider(`summary (${locale})`, summaryCard(withProgress(ctx)));
    consider(
      `confirm-restart (${locale})`,
      renderCard('confirm-restart', confirmRestartCardData(ctx)),
    );
    for (const entryId of qna.entryIds()) {
      const reply = qnaReply(qna.byId(entryId, locale)!, t, 3, 'teamsChat');
      for (const a of reply.attachments ?? [])
        consider(`quick answer ${entryId} (${locale})`, a as CardAttachment);
    }
  }
  return largest;
}

export interface StateSizes {
  /** The plan document as SQLite stores it (JSON without the eTag). */
  planBytes: number;
  /** The write-once change log of the same conversation, summed. */
  logBytes: number;
  logDocuments: number;
}

/** The worst-case plan (every answer at its maximum length) as the store would serialise it. */
export function worstCasePlanBytes(): number {
  return Buffer.byteLength(JSON.stringify(filledPlan()), 'utf8');
}

/** Reads one walked conversation back from the bot's SQLite file, through our own storage code. */
export async function storedStateOf(
  sqlitePath: string,
  conversationId: string,
): Promise<StateSizes> {
  const storage = new SqliteStorage(sqlitePath);
  try {
    const key = planKey('msteams', conversationId);
    const size = (doc: unknown) => {
      const { eTag: _eTag, ...rest } = doc as Record<string, unknown>;
      return Buffer.byteLength(JSON.stringify(rest), 'utf8');
    };
    const plan = (await storage.read([key]))[key];
    const logKeys = await storage.listKeys(`log/${key}/`);
    const logs = logKeys.length ? await storage.read(logKeys) : {};
    return {
      planBytes: plan ? size(plan) : 0,
      logBytes: Object.values(logs).reduce((sum: number, doc) => sum + size(doc), 0),
      logDocuments: logKeys.length,
    };
  } finally {
    await storage.close();
  }
}
