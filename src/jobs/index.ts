/** The one background-job runner: pacing, claims and failure records for proactive sends. */
export { JobRunner, type Job, type JobResult, type PassCounts } from './runner';
export { claimFor, claimSchema, isClaimed, type Claim } from './claims';
export { recordFailure, type FailedAttempt } from './failures';
