import { errorForLog, logId, type Logger } from '../logging';
import type { Committed } from './effects';

/** A feature that acts on committed changes (steering note, follow-up, usage counters). */
export interface Reaction {
  /** For the log when the reaction fails. */
  readonly reactionName: string;
  afterSave(commit: Committed): Promise<void>;
}

/**
 * The one after-save pipeline: every handler or job that committed a change hands its effects
 * here, once, after the commit; each reaction sees them in the order they were listed. A
 * failing reaction is logged and never fails the change, the user's turn or the other reactions.
 *
 * Reactions are listed once at start-up (`reactWith`), after the features are built: the
 * features that react are also the ones whose handlers commit changes.
 */
export class AfterSave {
  private reactions: readonly Reaction[] = [];

  constructor(private readonly logger: Logger) {}

  reactWith(...reactions: Reaction[]): void {
    this.reactions = reactions;
  }

  async dispatch(commit: Committed): Promise<void> {
    if (commit.effects.length === 0) return;
    for (const reaction of this.reactions) {
      try {
        await reaction.afterSave(commit);
      } catch (error) {
        this.logger.error(
          { plan: logId(commit.planKey), reaction: reaction.reactionName, err: errorForLog(error) },
          'after-save reaction failed',
        );
      }
    }
  }
}
