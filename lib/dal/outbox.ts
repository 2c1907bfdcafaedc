import "server-only";
import type { Tx } from "@/lib/db";

export const ALERT_TOPIC = "alert";

export type AlertEvent = { alertId: string; patientId: string; severity: "URGENT" | "WARNING" };

/**
 * Queues an alert's delivery in the alert's own transaction: the alert and its delivery commit together or
 * not at all. The relay (lib/realtime/relay.ts) publishes it.
 */
export async function enqueueAlert(tx: Tx, clinicId: string, event: AlertEvent): Promise<void> {
  await tx.outboxMessage.create({ data: { clinicId, topic: ALERT_TOPIC, payload: event } });
}
