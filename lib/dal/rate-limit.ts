import "server-only";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/domain/errors";

export type Limit = { limit: number; windowMs: number };

export const LIMITS = {
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signInPerAddress: { limit: 50, windowMs: 15 * 60_000 },
  checkInPerPatient: { limit: 5, windowMs: 60_000 },
  sessionLogPerPatient: { limit: 5, windowMs: 60_000 },
  invitationPerClinician: { limit: 20, windowMs: 60 * 60_000 },
  /** Authenticator and recovery codes: 10 guesses in 15 minutes leave a 6-digit code out of reach. */
  mfaPerUser: { limit: 10, windowMs: 15 * 60_000 },
  /** Password reset requests, per email asked for (known or not: a refusal tells nothing) and per client. */
  passwordResetPerAccount: { limit: 5, windowMs: 60 * 60_000 },
  passwordResetPerAddress: { limit: 30, windowMs: 60 * 60_000 },
} as const satisfies Record<string, Limit>;

/**
 * Counts one request against `key` in the current fixed window and says whether it is within the limit. One
 * atomic upsert in PostgreSQL, so the count holds across app processes. Given a transaction, the count is
 * part of it: a write that rolls back does not count.
 */
export async function consume(
  key: string,
  { limit, windowMs }: Limit,
  now = new Date(),
  client: Pick<Tx, "$queryRaw"> = db,
): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await client.$queryRaw<{ count: number }[]>`
    insert into rate_limit (key, window_start, count) values (${key}, ${windowStart}, 1)
    on conflict (key, window_start) do update set count = rate_limit.count + 1
    returning count`;
  // Expired windows are swept now and then by whichever request happens by.
  if (Math.random() < 0.01)
    await db.$executeRaw`delete from rate_limit where window_start < ${new Date(now.getTime() - 86_400_000)}`;
  return row!.count <= limit * env.RATE_LIMIT_MULTIPLIER;
}

/** Like consume, but refuses with a message a person can act on. */
export async function enforce(
  key: string,
  limit: Limit,
  what: string,
  now = new Date(),
  client: Pick<Tx, "$queryRaw"> = db,
): Promise<void> {
  if (!(await consume(key, limit, now, client))) {
    const wait =
      limit.windowMs >= 60 * 60_000 ? "an hour" : limit.windowMs > 60_000 ? "a few minutes" : "a minute";
    throw new DomainError(
      "RATE_LIMITED",
      `Too many ${what} in a short time. Please wait ${wait} and try again.`,
    );
  }
}
