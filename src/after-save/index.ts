/** After a change is committed: its typed effects, and the one dispatcher to the features that react. */
export { AfterSave, type Reaction } from './dispatcher';
export { effectOf, planEffects, type Committed, type Effect } from './effects';
