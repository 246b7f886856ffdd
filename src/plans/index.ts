export { PlanStore, CorruptPlanError, planKey } from './plan-store';
export { UserPrefsStore, type UserPrefs } from './user-prefs';
