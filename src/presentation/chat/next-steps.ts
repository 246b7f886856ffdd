import { cardFallback, type ViewContext } from '..';

/**
 * The one card after the first completion (issue 27): what to do with the plan now. Each button
 * runs an existing flow; sharing first shows what the steungroep's channel would receive.
 */
export function nextStepsCardData(ctx: ViewContext) {
  const { t } = ctx;
  return {
    fallbackText: cardFallback(t('bot:nextSteps.title'), t('bot:fallback.nextSteps')),
    title: t('bot:nextSteps.title'),
    intro: t('bot:nextSteps.intro'),
    shareHint: t('bot:nextSteps.shareHint'),
    labels: {
      share: t('bot:nextSteps.share'),
      documents: t('bot:nextSteps.documents'),
      followUp: t('bot:nextSteps.followUp'),
    },
  };
}
