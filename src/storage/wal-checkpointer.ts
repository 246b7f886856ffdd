import { Worker } from 'node:worker_threads';

/** Often enough that the WAL stays small (a few hundred turns at most), rarely enough to cost nothing. */
const CHECKPOINT_INTERVAL_MS = 1000;

/**
 * Runs in the worker thread, on its own connection. Kept as source text so the worker needs no
 * build step of its own (the bot runs from `dist/`, the tests from TypeScript).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* a busy file: the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/**
 * Moves SQLite's WAL checkpoints off the turns. With automatic checkpoints, every ~100th commit
 * copies the WAL into the database file inside that turn's transaction (5-10 ms, the bench's
 * p99). Here the serving connection never checkpoints; a worker thread does it every second on
 * a second connection (PASSIVE: it never blocks a writer), so no turn waits for it.
 * Returns a stop function; if the worker cannot start, automatic checkpoints stay on.
 */
export function startWalCheckpointer(
  file: string,
  autoCheckpoint: (pages: number) => void,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): () => Promise<void> {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver: require.resolve('better-sqlite3'),
        intervalMs,
      },
    });
  } catch {
    return async () => {};
  }
  autoCheckpoint(0);
  // A worker that dies (file removed under it) must not leave the WAL growing without bound.
  worker.on('error', () => autoCheckpoint(1000));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return async () => {
    // Waiting for the worker must keep the process alive, or it would exit mid-close.
    worker.ref();
    worker.postMessage('stop');
    await exited;
  };
}
