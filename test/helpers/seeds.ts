import path from 'node:path';
import { repoRoot } from '../../src/paths';

/**
 * The seed documents: shared/ sits beside the repository, locally and in CI. BRUGBOT_SEED_DIR
 * points elsewhere, e.g. from a git worktree, whose parent folder holds no shared/.
 */
export const SEED_DIR =
  process.env.BRUGBOT_SEED_DIR ?? path.resolve(repoRoot, '..', 'shared', 'seeds');
