import { z } from 'zod';
import { STEERING_TEAM_PREFIX, steeringTeamKey, type BrugStorage } from '../storage';

/** The local channel's stand-in for a steering group's Teams channel (local mode only). */
export const LOCAL_STEERING_CHANNEL = 'steering-local';

/**
 * Where a plan's note goes: a Teams channel, addressed as the Connector API needs it. `local`
 * targets the bot's own local channel, whose URL is only known once the server listens.
 */
export const steeringTargetSchema = z.object({
  kind: z.enum(['teams', 'local']),
  /** Empty for `local`: resolved at send time. */
  serviceUrl: z.string().max(2048),
  channelId: z.string().min(1).max(512),
  tenantId: z.string().max(200).optional(),
  teamId: z.string().max(512).optional(),
  /** The team's Entra group id; with it Teams deep links open the post. */
  groupId: z.string().max(200).optional(),
  /** Shown to people (choice list, confirmations); comes from Teams, so it is treated as user text. */
  label: z.string().max(300).optional(),
});
export type SteeringTarget = z.infer<typeof steeringTargetSchema>;

const registrationSchema = z.object({
  target: steeringTargetSchema,
  registeredBy: z.object({ id: z.string(), name: z.string().optional() }),
  registeredAt: z.string(),
});
export type TeamRegistration = z.infer<typeof registrationSchema>;

/** A tenant has a handful of steering teams; more than this in one choice list helps nobody. */
const MAX_LISTED = 20;

/** Same channel (and team), whatever label or URL it was stored with. */
export function sameTarget(a: SteeringTarget | undefined, b: SteeringTarget | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.channelId === b.channelId && a.teamId === b.teamId;
}

/**
 * Whether a target may receive a plan of this tenant: a Teams channel serves its own tenant's
 * plans only (a plan from another organisation never reaches it, issue 28); the local channel
 * of local mode has no tenant and serves the one developer.
 */
export function servesTenant(target: SteeringTarget, tenantId: string | undefined): boolean {
  return target.kind === 'local' || (!!tenantId && target.tenantId === tenantId);
}

/**
 * Steering channels that teams linked with "koppel stuurgroep", one per team, kept in storage
 * (never in process memory) so every bot instance sees the same links.
 */
export class TeamRegistry {
  constructor(private readonly storage: BrugStorage) {}

  private key(teamId: string): string {
    return steeringTeamKey(teamId);
  }

  /** Linking is a deliberate act by a team member, so the newest link simply wins. */
  async register(teamId: string, registration: TeamRegistration): Promise<void> {
    await this.storage.write({ [this.key(teamId)]: { ...registration, eTag: '*' } });
  }

  async get(teamId: string): Promise<TeamRegistration | undefined> {
    const items = await this.storage.read([this.key(teamId)]);
    const parsed = registrationSchema.safeParse(items[this.key(teamId)]);
    return parsed.success ? parsed.data : undefined;
  }

  /** The linked channels of one tenant: a channel of another organisation is never offered. */
  async inTenant(tenantId: string | undefined): Promise<TeamRegistration[]> {
    if (!tenantId) return [];
    const keys = (await this.storage.listKeys(STEERING_TEAM_PREFIX)).slice(0, 500);
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys
      .map((k) => registrationSchema.safeParse(items[k]))
      .flatMap((p) => (p.success && p.data.target.tenantId === tenantId ? [p.data] : []))
      .slice(0, MAX_LISTED);
  }
}
