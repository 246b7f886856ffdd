/**
 * The scheduler's clock: real time, unless local mode moved it (`POST /api/dev/clock`). A moved
 * clock keeps ticking from where it was set, so leases still expire while someone tries things.
 */
export class SchedulerClock {
  private offsetMs = 0;

  constructor(private readonly real: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.real().getTime() + this.offsetMs);
  }

  set(to: Date): void {
    this.offsetMs = to.getTime() - this.real().getTime();
  }
}
