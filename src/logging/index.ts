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
  return destination ? pino(options, destination) : pino(options);
}
