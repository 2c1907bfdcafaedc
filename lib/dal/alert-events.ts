import "server-only";
import { db } from "@/lib/db";
import type { ClinicianUser } from "./session";

export type AlertStreamEvent = {
  /** The delivery's number (outbox_message.delivery_seq): the event id, and the cursor a stream resumes after. */
  id: string;
  alertId: string;
  patientId: string;
  patientName: string;
  severity: "URGENT" | "WARNING";
  message: string;
};

/** The number of the clinic's latest alert delivery: a stream opened without Last-Event-ID starts after it. */
export async function latestAlertEventId(user: ClinicianUser): Promise<bigint> {
  const latest = await db.outboxMessage.findFirst({
    where: { clinicId: user.clinicId, deliverySeq: { not: null } },
    orderBy: { deliverySeq: "desc" },
    select: { deliverySeq: true },
  });
  return latest?.deliverySeq ?? BigInt(0);
}

/**
 * The clinic's alert deliveries numbered after `after`, in delivery order. Only delivered rows have a
 * number, and the relay commits numbers in increasing order (lib/realtime/relay.ts), so a reader that has
 * seen number N never later finds one below it: reading after the last number sent skips nothing, however
 * the alerts' own transactions interleaved.
 */
export async function alertEventsSince(
  user: ClinicianUser,
  after: bigint,
  limit = 50,
): Promise<AlertStreamEvent[]> {
  const messages = await db.outboxMessage.findMany({
    where: { clinicId: user.clinicId, topic: "alert", deliverySeq: { gt: after } },
    orderBy: { deliverySeq: "asc" },
    take: limit,
    select: { deliverySeq: true, payload: true },
  });
  const alertIds = messages.map((message) => (message.payload as { alertId: string }).alertId);
  if (alertIds.length === 0) return [];
  const alerts = await db.alert.findMany({
    where: { id: { in: alertIds }, clinicId: user.clinicId },
    select: {
      id: true,
      severity: true,
      message: true,
      patientId: true,
      patient: { select: { user: { select: { name: true } } } },
    },
  });
  const byId = new Map(alerts.map((alert) => [alert.id, alert]));
  return messages.flatMap((message) => {
    const alert = byId.get((message.payload as { alertId: string }).alertId);
    if (!alert || message.deliverySeq === null) return [];
    return [
      {
        id: message.deliverySeq.toString(),
        alertId: alert.id,
        patientId: alert.patientId,
        patientName: alert.patient.user.name,
        severity: alert.severity,
        message: alert.message,
      },
    ];
  });
}
