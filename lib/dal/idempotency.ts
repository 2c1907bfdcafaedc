import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";

/** A fingerprint of a submission's content, without its idempotency key, to tell a retry from a reuse. */
export function requestHash(input: Record<string, unknown>): string {
  const { idempotencyKey: _key, ...content } = input;
  const canonical = JSON.stringify(content, Object.keys(content).sort());
  return createHash("sha256").update(canonical).digest("base64url");
}

export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; cause?: { originalCode?: string } };
  return candidate?.code === "P2002" || candidate?.cause?.originalCode === "23505";
}

/**
 * Runs `create` exactly once per (patient, key): a retry with the same content gets the stored record back,
 * the same key with different content is refused. `find` reads the stored record; `create` must run in one
 * transaction whose first write inserts the keyed row, so that a concurrent duplicate waits on the unique
 * index, fails, and rolls back everything it would have written.
 */
export async function once<T extends { requestHash: string }>(
  hash: string,
  find: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<{ record: T; replayed: boolean }> {
  const check = (record: T) => {
    if (record.requestHash !== hash) {
      throw new DomainError(
        "IDEMPOTENCY_CONFLICT",
        "This form was already sent with different answers. Reload the page to start again.",
      );
    }
    return { record, replayed: true };
  };
  const existing = await find();
  if (existing) return check(existing);
  try {
    return { record: await create(), replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await find();
    if (!winner) throw error;
    return check(winner);
  }
}
