// Sign-in throttling: after FREE_ATTEMPTS failures in a row an account is locked for a delay that doubles
// with every further failure, up to MAX_LOCK_MS. Counted in the database, so it holds across app processes.

export const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

/** How long to lock the account after its `failedCount`-th failure in a row (0 while attempts remain). */
export function lockDurationMs(failedCount: number): number {
  if (failedCount < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failedCount - FREE_ATTEMPTS), MAX_LOCK_MS);
}
