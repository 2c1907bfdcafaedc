// When an alert needs more than its place in the list.

/** An URGENT alert nobody has acknowledged within this long is shown as overdue. */
export const URGENT_ACKNOWLEDGE_WITHIN_MS = 15 * 60 * 1000;

export function isOverdue(
  alert: { severity: "URGENT" | "WARNING"; status: "OPEN" | "ACKNOWLEDGED" | "RESOLVED"; createdAt: Date },
  now: Date,
): boolean {
  return (
    alert.severity === "URGENT" &&
    alert.status === "OPEN" &&
    now.getTime() - alert.createdAt.getTime() >= URGENT_ACKNOWLEDGE_WITHIN_MS
  );
}
