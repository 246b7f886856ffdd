/** The plan tab surface: each plan as the tab shows it, with the follow-up chart and table. */
export { tabPlanView } from './tab-model';
export { tabProgressView, type TabProgressView } from './tab-progress';
