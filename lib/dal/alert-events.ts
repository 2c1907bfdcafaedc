import "server-only";
import { db } from "@/lib/db";
import type { ClinicianUser } from "./session";

export type AlertStreamEvent = {
  id: string;
  alertId: string;
  patientId: string;
  patientName: string;
  severity: "URGENT" | "WARNING";
  message: string;
};

/** The id of the clinic's newest alert delivery: a stream opened without Last-Event-ID starts after it. */
export async function latestAlertEventId(user: ClinicianUser): Promise<bigint> {
  const latest = await db.outboxMessage.findFirst({
    where: { clinicId: user.clinicId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return latest?.id ?? BigInt(0);
}

/**
 * The clinic's alert deliveries after `after`, oldest first, whether or not the relay has published them yet:
 * the stream reads from here on every notification and on a timer, so a lost NOTIFY only delays an alert.
 */
export async function alertEventsSince(
  user: ClinicianUser,
  after: bigint,
  limit = 50,
): Promise<AlertStreamEvent[]> {
  const messages = await db.outboxMessage.findMany({
    where: { clinicId: user.clinicId, topic: "alert", id: { gt: after } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, payload: true },
  });
  const alertIds = messages.map((message) => (message.payload as { alertId: string }).alertId);
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
    if (!alert) return [];
    return [
      {
        id: message.id.toString(),
        alertId: alert.id,
        patientId: alert.patientId,
        patientName: alert.patient.user.name,
        severity: alert.severity,
        message: alert.message,
      },
    ];
  });
}
