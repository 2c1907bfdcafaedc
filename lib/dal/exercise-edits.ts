import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import type { EditExerciseInput } from "@/lib/validation/exercise";
import { audit } from "./audit";
import { exerciseData, withCatalogueGuardrails } from "./exercises";
import type { ClinicianUser } from "./session";

// A clinic's own exercises are edited and retired here. An edit is a new row (a new version of the same
// exercise, sharing its origin) and the old version is retired: plans keep the version they prescribed. The
// global catalogue is read-only to clinics, so it looks like a missing exercise.

/** Current plans (draft, active or paused) that hold any version of the exercise whose first version is given. */
function currentPlansHolding(tx: Tx, originId: string) {
  return tx.plan.count({
    where: {
      status: { in: ["DRAFT", "ACTIVE", "PAUSED"] },
      items: { some: { exercise: { OR: [{ id: originId }, { originId }] } } },
    },
  });
}

/** The clinic exercise the edit page shows, with how many current plans hold it; 404 for anything else. */
export async function getEditableExercise(user: ClinicianUser, exerciseId: string) {
  const id = z.uuid().safeParse(exerciseId);
  if (!id.success) notFound();
  const exercise = await db.exercise.findFirst({
    where: { id: id.data, clinicId: user.clinicId, retiredAt: null },
    select: {
      id: true,
      originId: true,
      version: true,
      name: true,
      category: true,
      summary: true,
      instructions: true,
      formCues: true,
      forwardBend: true,
      twisting: true,
      heavySpinalLoad: true,
      highImpact: true,
      competitive: true,
      warmUp: true,
      safety: true,
      saferAlternatives: { where: { retiredAt: null }, select: { id: true } },
    },
  });
  if (!exercise) notFound();
  const { originId, saferAlternatives, ...rest } = exercise;
  return {
    ...rest,
    saferAlternativeId: saferAlternatives[0]?.id ?? null,
    currentPlans: await currentPlansHolding(db, originId ?? exercise.id),
  };
}

export type EditableExercise = Awaited<ReturnType<typeof getEditableExercise>>;

/**
 * Saves an edit as the exercise's next version and retires the one edited. An edit that would put the
 * exercise on the avoid list is refused while a current plan holds any version of it (BC023 in the database).
 */
export async function editClinicExercise(user: ClinicianUser, input: EditExerciseInput) {
  return withCatalogueGuardrails(() =>
    db.$transaction(async (tx) => {
      // Locked, so that two edits of one version cannot both make a next version.
      const [edited] = await tx.$queryRaw<{ id: string; origin_id: string | null; version: number }[]>`
        select id, origin_id, version from exercise
         where id = ${input.exerciseId}::uuid and clinic_id = ${user.clinicId}::uuid and retired_at is null
         for update`;
      if (!edited) notFound();
      const originId = edited.origin_id ?? edited.id;
      const { exerciseId: _exerciseId, ...fields } = input;
      const data = await exerciseData(tx, user, fields);
      if (data.safety === "AVOID") {
        const plans = await currentPlansHolding(tx, originId);
        if (plans > 0) {
          throw new DomainError(
            "EXERCISE_IN_USE",
            `${input.name} is in ${plans === 1 ? "a current plan" : `${plans} current plans`}, so an edit cannot put it on the avoid list. Take it out of ${plans === 1 ? "that plan" : "those plans"} first.`,
          );
        }
      }
      // Exercises that offer the edited version as their safer alternative offer the new one instead.
      const alternativeFor =
        data.safety === "SAFE"
          ? await tx.exercise.findMany({
              where: { saferAlternatives: { some: { id: edited.id } } },
              select: { id: true },
            })
          : [];
      await tx.exercise.update({ where: { id: edited.id }, data: { retiredAt: new Date() } });
      const exercise = await tx.exercise.create({
        data: { ...data, originId, version: edited.version + 1, alternativeFor: { connect: alternativeFor } },
        select: { id: true, name: true, safety: true, version: true },
      });
      await audit(tx, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: "exercise.revised",
        entityType: "Exercise",
        entityId: exercise.id,
        metadata: { name: exercise.name, version: exercise.version, safety: exercise.safety },
      });
      return exercise;
    }),
  );
}

/** Takes a clinic exercise out of the catalogue: plans that hold it keep it, no plan can add it. */
export async function retireClinicExercise(user: ClinicianUser, exerciseId: string) {
  return db.$transaction(async (tx) => {
    const retired = await tx.exercise.updateMany({
      where: { id: exerciseId, clinicId: user.clinicId, retiredAt: null },
      data: { retiredAt: new Date() },
    });
    if (retired.count !== 1) notFound();
    const exercise = await tx.exercise.findUniqueOrThrow({
      where: { id: exerciseId },
      select: { id: true, name: true },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "exercise.retired",
      entityType: "Exercise",
      entityId: exercise.id,
      metadata: { name: exercise.name },
    });
    return exercise;
  });
}
