/**
 * The check after `npm run bench:outage`'s load, through the API as a client sees it: every CreateUser
 * acknowledged with 200 exists; every CreateUser that was not (503, other error, timeout) either exists
 * whole or not at all. "Whole" is what the API shows of a user: GetUser answers it with its name, an
 * `AIDA…` id of 21 characters, its ARN and a creation date, and ListUsers (through the other process)
 * lists it with the same id; "not at all" is GetUser's NoSuchEntity and absent from ListUsers.
 */
import { GetUserCommand, paginateListUsers, type IAMClient, type User } from '@aws-sdk/client-iam';
import type { Sample } from './outage-load.ts';

/** What the check found. */
export interface ConsistencyReport {
  readonly acknowledged: number;
  /** Acknowledged with 200 yet absent: a lost write. */
  readonly acknowledgedMissing: string[];
  /** CreateUser answered 503, then found whole / found absent. */
  readonly unavailable: { readonly total: number; readonly written: number; readonly absent: number };
  /** CreateUser answered neither 200 nor 503 (other error, timeout), then found whole / found absent. */
  readonly unsettled: { readonly total: number; readonly written: number; readonly absent: number };
  /** Users that exist only in part, or whose answers disagree, with what was seen. */
  readonly broken: string[];
  /** Users listed under the writer's prefix that no CreateUser of the load asked for. */
  readonly unexpected: string[];
}

const USER_ID = /^AIDA[A-Z0-9]{17}$/;

/** Why `user` (GetUser's answer for `name`) is not whole, or undefined. */
function defect(name: string, user: User | undefined, listed: User | undefined): string | undefined {
  if (user === undefined) return 'GetUser answered without a User';
  if (user.UserName !== name) return `GetUser answered UserName ${String(user.UserName)}`;
  if (!USER_ID.test(user.UserId ?? '')) return `UserId ${String(user.UserId)}`;
  if (!new RegExp(`^arn:aws:iam::\\d{12}:user/${name}$`).test(user.Arn ?? '')) return `Arn ${String(user.Arn)}`;
  if (!(user.CreateDate instanceof Date) || Number.isNaN(user.CreateDate.getTime())) return 'no CreateDate';
  if (listed === undefined) return 'GetUser finds it, ListUsers does not list it';
  if (listed.UserId !== user.UserId) return `ListUsers lists UserId ${String(listed.UserId)}, GetUser answers ${String(user.UserId)}`;
  return undefined;
}

/** Checks the CreateUser samples: GetUser through `reader`, ListUsers through `lister` (another process). */
export async function checkConsistency(writes: readonly Sample[], prefix: string, reader: IAMClient, lister: IAMClient): Promise<ConsistencyReport> {
  const listed = new Map<string, User>();
  for await (const page of paginateListUsers({ client: lister, pageSize: 1000 }, {})) {
    for (const user of page.Users ?? []) listed.set(user.UserName!, user);
  }
  const broken: string[] = [];
  const found = new Map<string, boolean>();
  const queue = writes.map((w) => w.userName!);
  const worker = async () => {
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      try {
        const user = (await reader.send(new GetUserCommand({ UserName: name }))).User;
        const why = defect(name, user, listed.get(name));
        if (why !== undefined) broken.push(`${name}: ${why}`);
        found.set(name, true);
      } catch (error) {
        const e = error as { name?: string; message?: string };
        // The SDK v3 names IAM's NoSuchEntity error NoSuchEntityException.
        if (e.name !== 'NoSuchEntityException') {
          broken.push(`${name}: GetUser failed: ${e.name ?? 'error'}: ${e.message ?? String(error)}`);
          continue;
        }
        if (listed.has(name)) broken.push(`${name}: GetUser answers NoSuchEntity, ListUsers lists it`);
        found.set(name, false);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const tally = (samples: readonly Sample[]) => ({
    total: samples.length,
    written: samples.filter((s) => found.get(s.userName!) === true).length,
    absent: samples.filter((s) => found.get(s.userName!) === false).length,
  });
  const acknowledged = writes.filter((s) => s.outcome === '200');
  const asked = new Set(writes.map((w) => w.userName!));
  return {
    acknowledged: acknowledged.length,
    acknowledgedMissing: acknowledged.filter((s) => found.get(s.userName!) !== true).map((s) => s.userName!),
    unavailable: tally(writes.filter((s) => s.outcome === '503')),
    unsettled: tally(writes.filter((s) => s.outcome === 'other' || s.outcome === 'timeout')),
    broken: broken.sort(),
    unexpected: [...listed.keys()].filter((name) => name.startsWith(`${prefix}-`) && !asked.has(name)),
  };
}
