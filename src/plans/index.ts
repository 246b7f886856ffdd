export { PlanStore, CorruptPlanError, planKey, type PlanRead } from './plan-store';
export { PlanLog, answersAsOf } from './plan-log';
export { UserPrefsStore, type UserPrefs } from './user-prefs';
