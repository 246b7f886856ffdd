import type { GuideOutput } from '../../guide';
import { cardFallback, stepTitle, type ViewContext } from '..';

type Receipt = Extract<GuideOutput, { kind: 'receipt' }>;

/**
 * Template data for `cards/receipt.json`: the one line an answered step card becomes where the
 * channel can update messages ("Stap 2 · Gesprekken · bewaard"), with a way back to that card.
 */
export function receiptCardData(ctx: ViewContext, receipt: Receipt) {
  const { t, guide } = ctx;
  const part = guide.step(receipt.step).parts[receipt.part];
  const partTitle = part ? t(`guide:parts.${part.id}.title`) : stepTitle(ctx, receipt.step);
  const text = t('bot:receipt.saved', { step: receipt.step, part: partTitle });
  return {
    fallbackText: cardFallback(text, t('bot:receipt.fallback')),
    text: `✓ ${text}`,
    step: receipt.step,
    part: receipt.part,
    labels: {
      edit: t('bot:receipt.edit'),
      editFull: t('bot:receipt.editFull', { step: receipt.step, part: partTitle }),
    },
  };
}
