import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KEEP_ALIVE_MS } from '../../src/server/create-server';

/**
 * Starts an in-process fake (Connector, JWKS, Entra) on loopback and returns its origin,
 * `http://127.0.0.1:<port>`.
 *
 * The bot reaches these fakes over pooled keep-alive connections, in the same event loop. With
 * Node's default idle timeout (5 s, closed at about 6 s) a turn that held the loop for ~6 s (the
 * cold quick-question index on a loaded machine) wrote its reply into a pooled socket that the
 * fake reset in the next timers phase: the reply was lost (ECONNRESET; the agents SDK's client
 * does not retry, botbuilder's does) and the person got the apology. Brugbot's own server met the
 * same race and keeps idle connections for KEEP_ALIVE_MS (src/server/create-server.ts); so do
 * the fakes, so the client always lets go of an idle connection first.
 */
export async function listenOnLoopback(server: http.Server): Promise<string> {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
