import type { Pool } from "pg";

/** The PostgreSQL channel alert deliveries are published on. Payloads carry ids only, never health data. */
export const ALERT_CHANNEL = "backcare_alerts";

export type AlertNotification = { id: string; clinicId: string };

/**
 * Publishes up to `limit` undelivered outbox rows: claims them with FOR UPDATE SKIP LOCKED (so any number of
 * app processes can relay at once without publishing a row twice), NOTIFYs each, and stamps them delivered.
 * NOTIFY is transactional: listeners hear nothing unless the stamp commits too. Returns how many it published.
 */
export async function relayOutbox(pool: Pool, limit = 100): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<{ id: string; clinic_id: string }>(
      `select id::text, clinic_id from outbox_message
        where delivered_at is null order by id limit $1 for update skip locked`,
      [limit],
    );
    for (const row of rows) {
      const notification: AlertNotification = { id: row.id, clinicId: row.clinic_id };
      await client.query("select pg_notify($1, $2)", [ALERT_CHANNEL, JSON.stringify(notification)]);
    }
    if (rows.length > 0) {
      await client.query(
        "update outbox_message set delivered_at = now(), attempts = attempts + 1 where id = any($1::bigint[])",
        [rows.map((row) => row.id)],
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
