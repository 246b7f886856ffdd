export { PlanStore, CorruptPlanError, planKey } from './plan-store';
export { PlanLog, answersAsOf } from './plan-log';
export { UserPrefsStore, type UserPrefs } from './user-prefs';
