import "server-only";
import { notFound } from "next/navigation";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { checkPlan, type GuardrailExercise, type GuardrailIssue } from "@/lib/domain/guardrails";
import { describePlanChanges } from "@/lib/domain/plan-changes";
import { snapshotItems, type PlanSnapshotItem } from "@/lib/domain/plan-snapshot";
import type { SavePlanInput } from "@/lib/validation/plan";
import { audit } from "./audit";
import { sqlState } from "./database-errors";
import type { ClinicianUser } from "./session";

const guardrailExerciseSelect = {
  id: true,
  name: true,
  safety: true,
  safetyReason: true,
  warmUp: true,
  forwardBend: true,
  twisting: true,
  heavySpinalLoad: true,
  highImpact: true,
  competitive: true,
  saferAlternatives: { select: { id: true, name: true }, orderBy: { name: "asc" } },
} as const;

export type SavedPlan = {
  planId: string;
  version: number;
  status: "DRAFT" | "ACTIVE" | "PAUSED";
  changed: boolean;
};

/**
 * The one way a plan is written. In a single transaction: the patient is found in the clinician's clinic and
 * locked, the form's plan and version are checked against the current ones, every exercise is looked up in
 * the catalogues this clinic may use, the guardrails run, and only then are the plan, its items, a new
 * version snapshot and the AuditEvents written. Any refusal throws, so nothing is stored half-way.
 */
export async function savePlan(user: ClinicianUser, input: SavePlanInput): Promise<SavedPlan> {
  try {
    return await db.$transaction((tx) => writePlan(tx, user, input));
  } catch (error) {
    throw databaseGuardrail(error) ?? error;
  }
}

async function writePlan(tx: Tx, user: ClinicianUser, input: SavePlanInput): Promise<SavedPlan> {
  const patient = await tx.patient.findFirst({
    where: { id: input.patientId, clinicId: user.clinicId },
    select: { id: true },
  });
  if (!patient) notFound();
  // Serialises plan writes and red-flag pauses for this patient: the status read below stays true until commit.
  const [locked] = await tx.$queryRaw<{ status: "ACTIVE" | "PAUSED_RED_FLAG" | "DISCHARGED" }[]>`
    select status from patient where id = ${patient.id}::uuid for update`;
  // A discharged patient's plans are history; a new episode begins with re-admission (lib/dal/episodes.ts).
  if (locked?.status === "DISCHARGED")
    throw new DomainError("DISCHARGED", "This patient is discharged. Re-admit them to give them a new plan.");

  const current = await tx.plan.findFirst({
    where: { patientId: patient.id, status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      version: true,
      startDate: true,
      items: {
        select: {
          exerciseId: true,
          position: true,
          sets: true,
          repetitions: true,
          minutes: true,
          holdSeconds: true,
          restSeconds: true,
          side: true,
          timesPerWeek: true,
          intensity: true,
          note: true,
          exercise: { select: { name: true } },
        },
      },
    },
  });
  if (input.planId !== (current?.id ?? null) || input.expectedVersion !== (current?.version ?? null)) {
    throw new DomainError(
      "STALE_PLAN",
      "This plan was changed somewhere else since you opened it. Reload the page to see the latest version.",
    );
  }

  const exercises = await guardrailExercises(
    tx,
    user,
    input.items,
    "The plan was not saved.",
    new Set(current?.items.map((item) => item.exerciseId)),
  );

  const status: SavedPlan["status"] =
    input.intent === "activate"
      ? "ACTIVE"
      : ((current?.status as SavedPlan["status"] | undefined) ?? "DRAFT");
  const openUrgentAlerts = await tx.alert.count({
    where: { patientId: patient.id, severity: "URGENT", status: { not: "RESOLVED" } },
  });
  const { blocking } = checkPlan({
    items: input.items.map((item) => ({
      exercise: exercises.get(item.exerciseId)!,
      intensity: item.intensity,
    })),
    patient: { status: locked!.status, hasOpenUrgentAlert: openUrgentAlerts > 0 },
    activating: status === "ACTIVE",
  });
  if (blocking.length > 0) throw new DomainError("GUARDRAIL", "The plan was not saved.", blocking);

  const items = input.items.map((item, index) => ({
    ...item,
    note: item.note || null,
    position: index + 1,
    exercise: { name: exercises.get(item.exerciseId)!.name },
  }));
  const snapshot = snapshotItems(items);
  const previous: PlanSnapshotItem[] = current ? snapshotItems(current.items) : [];
  const changes = describePlanChanges(previous, snapshot);
  const startDate = new Date(`${input.startDate}T00:00:00Z`);
  const statusChanged = current?.status !== status;
  const dateChanged = current?.startDate.getTime() !== startDate.getTime();
  if (current && changes.length === 0 && !statusChanged && !dateChanged) {
    return {
      planId: current.id,
      version: current.version,
      status: current.status as SavedPlan["status"],
      changed: false,
    };
  }

  const now = new Date();
  const activatedAt = status === "ACTIVE" && statusChanged ? { activatedAt: now } : {};
  let plan: { id: string; version: number };
  if (current) {
    const updated = await tx.plan.updateMany({
      where: { id: current.id, version: current.version },
      data: { version: { increment: 1 }, status, startDate, ...activatedAt },
    });
    if (updated.count !== 1)
      throw new DomainError("STALE_PLAN", "This plan was changed somewhere else. Reload the page.");
    plan = { id: current.id, version: current.version + 1 };
    await tx.planItem.deleteMany({ where: { planId: plan.id } });
  } else {
    plan = await tx.plan.create({
      data: { patientId: patient.id, createdById: user.id, status, startDate, ...activatedAt },
      select: { id: true, version: true },
    });
  }
  await tx.planItem.createMany({
    data: items.map(({ exercise: _exercise, ...item }) => ({ ...item, planId: plan.id })),
  });

  const summary = !current
    ? status === "ACTIVE"
      ? "Plan created and activated."
      : "Draft created."
    : [
        statusChanged && status === "ACTIVE" ? "Plan activated." : null,
        ...changes,
        dateChanged ? `Start date changed to ${input.startDate}.` : null,
      ]
        .filter(Boolean)
        .join(" ");
  await tx.planVersion.create({
    data: { planId: plan.id, version: plan.version, status, items: snapshot, summary, createdById: user.id },
  });
  await audit(tx, {
    clinicId: user.clinicId,
    actorId: user.id,
    patientId: patient.id,
    action: !current
      ? "plan.created"
      : statusChanged && status === "ACTIVE"
        ? "plan.activated"
        : "plan.revised",
    entityType: "Plan",
    entityId: plan.id,
    metadata: { version: plan.version, status, changes },
  });
  return { planId: plan.id, version: plan.version, status, changed: true };
}

/**
 * The exercises of the items, by id, from the catalogues this clinic may use; any other id is refused with
 * UNKNOWN_EXERCISE on its item, exactly as an id that does not exist. Plans and templates both start here.
 */
export async function guardrailExercises(
  tx: Tx,
  user: ClinicianUser,
  items: ReadonlyArray<{ exerciseId: string }>,
  refusal: string,
  held: ReadonlySet<string> = new Set(),
): Promise<Map<string, GuardrailExercise>> {
  const found = await tx.exercise.findMany({
    where: {
      id: { in: items.map((item) => item.exerciseId) },
      OR: [{ clinicId: null }, { clinicId: user.clinicId }],
    },
    select: { ...guardrailExerciseSelect, retiredAt: true },
  });
  const exercises = new Map(found.map((exercise) => [exercise.id, exercise as GuardrailExercise]));
  // A retired exercise (or a version an edit replaced) stays where it is held, but is never added (BC022).
  const retired = new Set(found.filter((exercise) => exercise.retiredAt !== null).map(({ id }) => id));
  const unknown = items.flatMap((item, itemIndex): GuardrailIssue[] =>
    !exercises.has(item.exerciseId)
      ? [
          {
            code: "UNKNOWN_EXERCISE" as const,
            message: "This exercise is not in your clinic's catalogue.",
            itemIndex,
          },
        ]
      : retired.has(item.exerciseId) && !held.has(item.exerciseId)
        ? [
            {
              code: "RETIRED_EXERCISE" as const,
              message: `${exercises.get(item.exerciseId)!.name} has been retired from the catalogue and cannot be added.`,
              itemIndex,
            },
          ]
        : [],
  );
  if (unknown.length > 0) throw new DomainError("GUARDRAIL", refusal, unknown);
  return exercises;
}

/**
 * The database's own guardrails (the triggers of the guardrails migration; BC022, a retired exercise, of the
 * catalogue guardrail migration) raise SQLSTATE BC001-BC005 or BC022 with a
 * message written for a clinician. Reaching one means the checks above missed something, so the refusal is
 * reported like theirs, never as a crash. The driver error arrives directly or wrapped by Prisma.
 */
function databaseGuardrail(error: unknown): DomainError | null {
  const state = sqlState(error);
  if (!state || !/^BC00[1-5]$|^BC022$/.test(state.code)) return null;
  return new DomainError("GUARDRAIL", state.message ?? "The database refused this plan as unsafe.");
}
