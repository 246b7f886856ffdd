import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

interface UpgradeRoute {
  matches: (pathname: string) => boolean;
  handle: UpgradeHandler;
}

/** Answers an upgrade request with a plain HTTP status and closes the socket. */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  reason: string,
  message: string,
): void {
  const body = JSON.stringify({ error: { code: reason, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  // A client that never reads would keep a half-closed socket; it has had its answer.
  socket.once('finish', () => socket.destroy());
}

/**
 * The one owner of the HTTP server's `upgrade` event. restify forwards that event to its own
 * emitter even with `handleUpgrades: false`, so Node hands the socket over and nobody answers:
 * every such request held a file descriptor until the client gave up. Here restify's listener
 * is removed, routes that serve WebSockets register by path, and every other upgrade gets a 404
 * and a closed socket. Without registered routes (credential mode) no upgrade is accepted.
 */
export class UpgradeRouter {
  private readonly routes: UpgradeRoute[] = [];

  constructor(httpServer: HttpServer) {
    httpServer.removeAllListeners('upgrade');
    httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.dispatch(req, socket, head),
    );
  }

  /** Registers a WebSocket route; returns a function that removes it again. */
  add(matches: (pathname: string) => boolean, handle: UpgradeHandler): () => void {
    const route = { matches, handle };
    this.routes.push(route);
    return () => {
      const at = this.routes.indexOf(route);
      if (at >= 0) this.routes.splice(at, 1);
    };
  }

  private dispatch(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    let pathname = '';
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      // An unparsable target matches no route and is refused below.
    }
    const route = this.routes.find((r) => r.matches(pathname));
    if (!route) return refuseUpgrade(socket, 404, 'NotFound', 'No WebSocket here.');
    try {
      route.handle(req, socket, head);
    } catch {
      refuseUpgrade(socket, 400, 'BadRequest', 'This upgrade request cannot be served.');
    }
  }
}

const routers = new WeakMap<HttpServer, UpgradeRouter>();

/** The router of an HTTP server, created (and restify's forwarding removed) on first use. */
export function upgradeRouter(httpServer: HttpServer): UpgradeRouter {
  let router = routers.get(httpServer);
  if (!router) {
    router = new UpgradeRouter(httpServer);
    routers.set(httpServer, router);
  }
  return router;
}
