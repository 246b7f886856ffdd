import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { loopbackGuard } from './loopback';
import type { Logger } from '../logging';

/** What the route needs from the follow-up: its clock and one pass over the due check-ins. */
export interface DevClockDeps {
  set(now: Date): void;
  runDue(): Promise<Record<string, number>>;
  /** Whether a moment may receive a check-in (Belgian working day, office hours). */
  isWorkingHours(at: Date): boolean;
  logger: Logger;
}

const body = z.object({ now: z.string().datetime({ offset: true }) }).strict();

/**
 * `POST /api/dev/clock` with `{"now": "<ISO date-time>"}`: moves the follow-up scheduler's clock
 * and runs the check-ins due at that moment right away. Mounted in local mode only, so with
 * credentials the route does not exist (404); locally it answers on a loopback Host only, the
 * guard the local channels use against DNS rebinding.
 */
export function mountDevClockRoute(server: Server, deps: DevClockDeps): void {
  const guard = loopbackGuard({ who: 'The dev clock' });
  server.post('/api/dev/clock', async (req: Request, res: Response) => {
    if (!guard.allows(req, res)) return;
    const parsed = body.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, {
        error: 'BadRequest',
        message: 'Send JSON like {"now": "2027-12-01T10:00:00+01:00"} (ISO date-time with offset).',
      });
      return;
    }
    const now = new Date(parsed.data.now);
    deps.set(now);
    const counts = await deps.runDue();
    deps.logger.info({ now: now.toISOString(), ...counts }, 'dev clock moved');
    res.send(200, {
      now: now.toISOString(),
      workingHours: deps.isWorkingHours(now),
      ...counts,
      ...(deps.isWorkingHours(now)
        ? {}
        : { note: 'Check-ins go out on Belgian working days, 09:00-17:00 Brussels time.' }),
    });
  });
}
