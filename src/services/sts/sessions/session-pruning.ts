/**
 * Expired temporary credentials leave the store a day after they end, checked at most once an hour of
 * clock time per store, when new credentials are issued. Until then they are refused as ExpiredToken,
 * afterwards as unknown keys (InvalidClientTokenId; a process that still caches them says ExpiredToken). (AWS's tokens carry their own expiry and stay ExpiredToken forever;
 * a local store cannot keep every session forever, and a day covers any client still retrying.)
 */
import type { OperationContext } from '../../operation.ts';

/** How long an expired session is kept, and how often the store is swept (ms). */
const RETENTION_MS = 24 * 3_600_000;
const SWEEP_INTERVAL_MS = 3_600_000;

const lastSweep = new WeakMap<object, number>();

/** Deletes the sessions that expired more than a day ago, unless this store was swept within the hour. */
export async function pruneExpiredSessions(ctx: Pick<OperationContext, 'clock' | 'store'>): Promise<void> {
  const now = ctx.clock.now();
  const last = lastSweep.get(ctx.store);
  if (last !== undefined && now - last < SWEEP_INTERVAL_MS) return;
  lastSweep.set(ctx.store, now);
  await ctx.store.sessions.deleteExpired(new Date(now - RETENTION_MS));
}
