import "server-only";
import { db } from "@/lib/db";
import { deriveSafety, describeRisk } from "@/lib/domain/exercise-safety";
import type { ClinicExerciseInput } from "@/lib/validation/exercise";
import { audit } from "./audit";
import type { ClinicianUser } from "./session";

const exerciseSelect = {
  id: true,
  clinicId: true,
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
  safetyReason: true,
  saferAlternatives: { select: { id: true, name: true }, orderBy: { name: "asc" } },
} as const;

/** The exercises this clinician may prescribe from or read about: the global catalogue and their clinic's own. */
function visibleTo(user: ClinicianUser) {
  return { OR: [{ clinicId: null }, { clinicId: user.clinicId }] };
}

export async function listExercises(
  user: ClinicianUser,
  filter: { query?: string; category?: "AEROBIC" | "FLEXIBILITY" | "STRENGTH" | "SPORT" } = {},
) {
  const query = filter.query?.trim();
  const exercises = await db.exercise.findMany({
    where: {
      AND: [
        visibleTo(user),
        query
          ? {
              OR: [
                { name: { contains: query, mode: "insensitive" } },
                { summary: { contains: query, mode: "insensitive" } },
              ],
            }
          : {},
        filter.category ? { category: filter.category } : {},
      ],
    },
    orderBy: [{ clinicId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: exerciseSelect,
  });
  return exercises.map((exercise) => ({ ...exercise, clinicOwned: exercise.clinicId !== null }));
}

export type CatalogueExercise = Awaited<ReturnType<typeof listExercises>>[number];

/** Adds an exercise to the clinician's clinic. Its safety is derived from its attributes, never chosen. */
export async function createClinicExercise(user: ClinicianUser, input: ClinicExerciseInput) {
  const attributes = {
    forwardBend: input.forwardBend,
    twisting: input.twisting,
    heavySpinalLoad: input.heavySpinalLoad,
    highImpact: input.highImpact,
    competitive: input.competitive,
  };
  const safety = deriveSafety(attributes);
  const slug = `${input.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-${Date.now().toString(36)}`;
  return db.$transaction(async (tx) => {
    const alternatives = input.saferAlternativeId
      ? await tx.exercise.findMany({
          where: { id: input.saferAlternativeId, safety: "SAFE", ...visibleTo(user) },
          select: { id: true },
        })
      : [];
    const exercise = await tx.exercise.create({
      data: {
        clinicId: user.clinicId,
        createdById: user.id,
        slug,
        name: input.name,
        category: input.category,
        summary: input.summary,
        instructions: input.instructions,
        formCues: input.formCues,
        warmUp: safety === "SAFE" && input.warmUp,
        ...attributes,
        safety,
        safetyReason: describeRisk(attributes),
        saferAlternatives: { connect: safety === "AVOID" ? alternatives : [] },
      },
      select: { id: true, name: true, safety: true },
    });
    await audit(tx, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: "exercise.created",
      entityType: "Exercise",
      entityId: exercise.id,
      metadata: { name: exercise.name, safety },
    });
    return exercise;
  });
}
