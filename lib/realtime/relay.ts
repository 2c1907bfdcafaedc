import type { Pool } from "pg";

/** The PostgreSQL channel alert deliveries are published on. Payloads carry ids only, never health data. */
export const ALERT_CHANNEL = "backcare_alerts";

/**
 * The transaction-level advisory lock every relay holds, in every app process: one relay transaction at a
 * time. An arbitrary constant, used for nothing else.
 */
export const RELAY_LOCK = 0x4243_524c;

export type AlertNotification = { id: string; clinicId: string; deliverySeq: string };

/**
 * Publishes up to `limit` undelivered outbox rows, oldest first: stamps each with `delivered_at` and the next
 * `delivery_seq`, NOTIFYs each, and commits. Returns how many it published.
 *
 * The invariant the alert stream relies on: delivery_seq values become visible in increasing order, so a
 * reader that has seen delivery N will never later find a delivery below N. Outbox ids do not have this
 * property (an id is taken at insert and shown at the writer's commit). Relays wait for the advisory lock
 * and hold it until they commit, so no two number rows at once; the rows are read after the lock is taken,
 * so a later relay numbers only rows committed after (or missed by) the one before it. NOTIFY is
 * transactional: listeners hear nothing unless the stamp commits too.
 */
export async function relayOutbox(pool: Pool, limit = 100): Promise<number> {
  const client = await pool.connect();
  try {
    // A relay whose process stalls mid-transaction must not hold every other relay's lock for long.
    await client.query("begin; set local idle_in_transaction_session_timeout = '10s'");
    await client.query("select pg_advisory_xact_lock($1)", [RELAY_LOCK]);
    // nextval() in the select list is evaluated after the ORDER BY and LIMIT, so numbers follow id order.
    const { rows } = await client.query<{ id: string; clinic_id: string; delivery_seq: string }>(
      `with numbered as (
         select id, nextval('outbox_message_delivery_seq_seq') as delivery_seq
           from outbox_message where delivered_at is null order by id limit $1
       )
       update outbox_message o
          set delivered_at = now(), delivery_seq = numbered.delivery_seq, attempts = o.attempts + 1
         from numbered where o.id = numbered.id
       returning o.id::text, o.clinic_id, o.delivery_seq::text`,
      [limit],
    );
    if (rows.length > 0) {
      const notifications = rows
        .sort((a, b) => (BigInt(a.delivery_seq) < BigInt(b.delivery_seq) ? -1 : 1))
        .map((row): AlertNotification => ({
          id: row.id,
          clinicId: row.clinic_id,
          deliverySeq: row.delivery_seq,
        }));
      await client.query(
        "select pg_notify($1, payload) from unnest($2::text[]) with ordinality as t(payload, n) order by n",
        [ALERT_CHANNEL, notifications.map((notification) => JSON.stringify(notification))],
      );
    }
    await client.query("commit");
    return rows.length;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
