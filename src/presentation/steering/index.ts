/** The steering surface: the note in the steungroep's channel, its brief and the local feed. */
export { steeringNote, withdrawnNote, type NoteOptions } from './note-card';
export { buildBrief, type BriefModel } from './brief-model';
export { briefDigest, changesLine, type BriefDigest } from './brief-changes';
export { progressLine } from './progress-line';
export { feedView, type FeedPost, type FeedView } from './feed-model';
export { sharePreviewData, type SharePreviewOptions } from './share-preview';
