export { PlanStore, CorruptPlanError, planKey, type PlanRead } from './plan-store';
export { PlanLog, answersAsOf, type LogEntry } from './plan-log';
export { backfillMemberIndex, indexMembers } from './member-index';
export { UserPrefsStore, type UserPrefs } from './user-prefs';
export { KeyedQueue } from './keyed-queue';
