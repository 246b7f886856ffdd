/**
 * The IPC side of a bot child process: tells the bench where it listens, and answers
 * "measure" (heap after a full GC, when --expose-gc is on) and "stop" (a clean close).
 * Both bots use the same code, so neither pays for the control channel more than the other.
 */
export type ParentMessage = { type: 'measure' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'measured'; heapUsed: number; heapTotal: number; external: number; rss: number };

export function serveBenchControl(url: string, close: () => Promise<void>): void {
  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'measure') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const usage = process.memoryUsage();
      send({
        type: 'measured',
        heapUsed: usage.heapUsed,
        heapTotal: usage.heapTotal,
        external: usage.external,
        rss: usage.rss,
      });
    } else if (message.type === 'stop') {
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  // The bench is the only reason this process runs: if it goes, so do we.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url });
}
