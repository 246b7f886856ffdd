/** The host-neutral turn: what both SDK hosts hand the application, and what it answers with. */
export { inboundActivitySchema } from './activity';
export type { InboundActivity, OutgoingActivity, Attachment, Entity } from './activity';
export type { BotHost, TurnApplication, TurnIo, ProcessResult, Authentication } from './host';
export { UNAUTHORISED, UNAVAILABLE } from './host';
export { httpAnswer, runTurn, type TurnOutcome } from './outcome';
export {
  createTurn,
  type Turn,
  type TurnInput,
  type TeamsPlace,
  type ConversationKind,
} from './turn';
export { withCardNarration, WEB_CHAT_NARRATION } from './card-narration';
export { type Surface, isTeamsClient, planKeyOf, TEAMS_PLAN_CHANNELS } from './surface';
