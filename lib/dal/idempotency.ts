import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";
import { sqlState } from "./database-errors";

/** A fingerprint of a submission's content, without its idempotency key, to tell a retry from a reuse. */
export function requestHash(input: Record<string, unknown>): string {
  const { idempotencyKey: _key, ...content } = input;
  const canonical = JSON.stringify(content, Object.keys(content).sort());
  return createHash("sha256").update(canonical).digest("base64url");
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002" || sqlState(error)?.code === "23505";
}

/**
 * A stored record found again under the same key: the same record for a retry with the same content, and a
 * refusal for the same key with different content.
 */
export function replayOf<T extends { requestHash: string }>(record: T, hash: string): T {
  if (record.requestHash !== hash) {
    throw new DomainError(
      "IDEMPOTENCY_CONFLICT",
      "This form was already sent with different answers. Reload the page to start again.",
    );
  }
  return record;
}

/**
 * Runs `create` exactly once per (patient, key): a retry with the same content gets the stored record back,
 * the same key with different content is refused. `find` reads the stored record. `create` runs in one
 * transaction that inserts the keyed row: a concurrent duplicate that gets past `find` either finds the
 * winner itself once it holds the same lock (and returns it through `replayOf`), or fails on the unique
 * index and rolls back everything it would have written, and the winner is returned from here.
 */
export async function once<T extends { requestHash: string }>(
  hash: string,
  find: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<{ record: T; replayed: boolean }> {
  const check = (record: T) => ({ record: replayOf(record, hash), replayed: true });
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
