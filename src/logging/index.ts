import { createHash } from 'node:crypto';
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Message text, names and card values never go in: only ids we need to
 * correlate, hashed where they identify a person or conversation.
 */
export function createLogger(
  level: pino.Level | 'silent' = 'info',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    // pino's default would add the stack and rename plain objects' type; ours keeps one short line.
    serializers: { err: (err: unknown) => (err instanceof Error ? errorForLog(err) : err) },
    redact: {
      paths: [
        'text',
        '*.text',
        'name',
        '*.name',
        'value',
        '*.value',
        'password',
        '*.password',
        'authorization',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  };
  // stdout written synchronously: pino's default hands every line to libuv's thread pool, which
  // costs ~0.1 ms of CPU per line (one access-log line per turn) against ~15 µs for a plain
  // write(2), and a line written is never lost to a kill -9.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** Longest error message kept in a log line; enough to tell failures apart. */
const MAX_ERROR_MESSAGE = 200;

/**
 * An error as one log field (`err`): its type and the first line of its message. No stack (a
 * multi-line string parsers split up) and no `msg` key, which would clash with the log line's own.
 */
export function errorForLog(error: unknown): { type: string; message: string; cause?: string } {
  const type = error instanceof Error ? error.name : typeof error;
  const raw = error instanceof Error ? error.message : String(error);
  const logged = { type, message: (raw.split('\n')[0] ?? '').slice(0, MAX_ERROR_MESSAGE) };
  // fetch says only "fetch failed"; what failed (a reset socket, a refused connection) is the cause.
  // (Read without `instanceof`: errors from another realm, e.g. Node's own fetch under Jest, fail it.)
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? { ...logged, cause: cause.code.slice(0, 40) } : logged;
}

/**
 * botbuilder writes to the console itself (a refused token prints the error and the channel's
 * public key over several lines). Routed here, each call becomes one JSON line at `warn` with only
 * the first line of what was printed, cut before any key material. Process-wide: call it once,
 * from the entry point, never in tests that share a process.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const forward =
    (level: 'warn' | 'info' | 'debug') =>
    (...args: unknown[]): void => {
      const first = (format(...args).split('\n')[0] ?? '').replace(/-----BEGIN.*$/, '').trim();
      logger[level]({ sdk: first.slice(0, MAX_ERROR_MESSAGE) }, 'library console output');
    };
  console.error = forward('warn');
  console.warn = forward('warn');
  console.log = forward('info');
  console.info = forward('info');
  console.debug = forward('debug');
  console.trace = forward('debug');
}

/** A short, non-reversible id for logs, so a conversation can be followed without being identified. */
export function logId(value: string | undefined): string {
  return createHash('sha256')
    .update(value ?? '')
    .digest('hex')
    .slice(0, 12);
}
