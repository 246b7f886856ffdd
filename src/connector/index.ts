/**
 * The Bot Framework Connector REST calls the bot makes on its own, outside a turn: steering
 * notes (create, update) and follow-up check-ins. One request per call; callers own retries.
 */
export {
  ConnectorTransport,
  ConnectorError,
  failureKind,
  type ConnectorApi,
  type FailureKind,
  type OutgoingMessage,
  type ProactiveMessage,
} from './transport';
export { retryDelayMs } from './backoff';
