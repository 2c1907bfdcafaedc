import "server-only";

type DriverCause = { originalCode?: string; originalMessage?: string };

/**
 * PostgreSQL's SQLSTATE and message behind a failed query, or null for any other error. The driver adapter's
 * error arrives directly (its `cause`) or wrapped by Prisma (`meta.driverAdapterError.cause`).
 */
export function sqlState(error: unknown): { code: string; message: string | null } | null {
  const candidates: unknown[] = [
    (error as { cause?: unknown } | null)?.cause,
    (error as { meta?: { driverAdapterError?: { cause?: unknown } } } | null)?.meta?.driverAdapterError
      ?.cause,
  ];
  for (const candidate of candidates) {
    const cause = candidate as DriverCause | undefined;
    if (cause?.originalCode) return { code: cause.originalCode, message: cause.originalMessage ?? null };
  }
  return null;
}
