import "server-only";
import { db, type Tx } from "@/lib/db";
import { sqlState } from "./database-errors";

/**
 * How long a safety write (a check-in, a session log, a clearance) may wait for a connection and run. Well
 * above Prisma's defaults (2 s and 5 s): under load, a red flag waits its turn rather than being refused.
 */
export const SAFETY_TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

const ATTEMPTS = 5;
const RETRYABLE_CODES = new Set(["40P01", "40001"]);

/** A deadlock or a serialization failure: PostgreSQL rolled the transaction back, and running it again is safe. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return (
    (error as { code?: string } | null)?.code === "P2034" ||
    (state !== null && RETRYABLE_CODES.has(state.code))
  );
}

/**
 * Runs `work` in one transaction with the safety timeouts, and runs it again (up to five times, after a
 * short random pause) when PostgreSQL aborts it for a deadlock or a serialization failure, so that racing
 * submissions are all stored rather than some refused. `work` must be safe to repeat: it runs from the
 * start each time, and nothing of an aborted attempt was committed.
 */
export async function safetyTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, SAFETY_TRANSACTION);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}
