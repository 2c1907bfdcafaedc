import { describeDose, type PlanSnapshotItem } from "./plan-snapshot";

/**
 * What changed between two versions of a plan, in sentences a patient can read: exercises added and
 * removed, doses and notes changed, order changed. An empty list means nothing a patient would notice.
 */
export function describePlanChanges(previous: PlanSnapshotItem[], next: PlanSnapshotItem[]): string[] {
  const before = new Map(previous.map((item) => [item.exerciseId, item]));
  const after = new Map(next.map((item) => [item.exerciseId, item]));
  const changes: string[] = [];

  for (const item of next) {
    const old = before.get(item.exerciseId);
    if (!old) {
      changes.push(`Added ${item.name}: ${describeDose(item)}.`);
      continue;
    }
    const oldDose = describeDose(old);
    const newDose = describeDose(item);
    if (oldDose !== newDose) changes.push(`${item.name}: now ${newDose} (was ${oldDose}).`);
    if ((old.note ?? "") !== (item.note ?? "")) {
      changes.push(item.note ? `${item.name}: new note from your clinician.` : `${item.name}: note removed.`);
    }
  }
  for (const item of previous) {
    if (!after.has(item.exerciseId)) changes.push(`Removed ${item.name}.`);
  }
  const kept = (items: PlanSnapshotItem[], other: Map<string, PlanSnapshotItem>) =>
    items.filter((item) => other.has(item.exerciseId)).map((item) => item.exerciseId);
  if (kept(previous, after).join() !== kept(next, before).join())
    changes.push("The order of the exercises changed.");
  return changes;
}
