import "server-only";
import { db, type Tx } from "@/lib/db";
import { missingMovements } from "@/lib/domain/avoid-motions";
import { DomainError } from "@/lib/domain/errors";
import { deriveSafety, describeRisk, type MovementAttributes } from "@/lib/domain/exercise-safety";
import type { ClinicExerciseInput } from "@/lib/validation/exercise";
import { audit } from "./audit";
import { sqlState } from "./database-errors";
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
  version: true,
  retiredAt: true,
  saferAlternatives: {
    where: { retiredAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  },
} as const;

/** The exercises this clinician may prescribe from or read about: the global catalogue and their clinic's own. */
function visibleTo(user: ClinicianUser) {
  return { OR: [{ clinicId: null }, { clinicId: user.clinicId }] };
}

/**
 * The current exercises this clinician may use. Retired ones (and versions replaced by an edit) are left out,
 * except those named in `alsoIds`: the exercises a plan being revised already holds.
 */
export async function listExercises(
  user: ClinicianUser,
  filter: { query?: string; category?: "AEROBIC" | "FLEXIBILITY" | "STRENGTH" | "SPORT" } = {},
  alsoIds: string[] = [],
) {
  const query = filter.query?.trim();
  const exercises = await db.exercise.findMany({
    where: {
      AND: [
        visibleTo(user),
        alsoIds.length > 0 ? { OR: [{ retiredAt: null }, { id: { in: alsoIds } }] } : { retiredAt: null },
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
  return exercises.map(({ retiredAt, ...exercise }) => ({
    ...exercise,
    clinicOwned: exercise.clinicId !== null,
    retired: retiredAt !== null,
  }));
}

export type CatalogueExercise = Awaited<ReturnType<typeof listExercises>>[number];

/**
 * The row an exercise's form describes: safety derived from the movements, never chosen, and refused when
 * the text names an avoid-list motion whose movement is not ticked (the zod schema said so to the form; the
 * trigger of migration 20261130040000_catalogue_guardrail says it a third time).
 */
export async function exerciseData(tx: Tx, user: ClinicianUser, input: ClinicExerciseInput) {
  const attributes: MovementAttributes = {
    forwardBend: input.forwardBend,
    twisting: input.twisting,
    heavySpinalLoad: input.heavySpinalLoad,
    highImpact: input.highImpact,
    competitive: input.competitive,
  };
  const missing = missingMovements({ ...input, ...attributes });
  if (missing.length > 0) throw new DomainError("MOVEMENT_NOT_TICKED", missing[0]!.message);
  const safety = deriveSafety(attributes);
  const alternatives =
    input.saferAlternativeId && safety === "AVOID"
      ? await tx.exercise.findMany({
          where: { id: input.saferAlternativeId, safety: "SAFE", retiredAt: null, ...visibleTo(user) },
          select: { id: true },
        })
      : [];
  return {
    clinicId: user.clinicId,
    createdById: user.id,
    slug: `${input.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    name: input.name,
    category: input.category,
    summary: input.summary,
    instructions: input.instructions,
    formCues: input.formCues,
    warmUp: safety === "SAFE" && input.warmUp,
    ...attributes,
    safety,
    safetyReason: describeRisk(attributes),
    saferAlternatives: { connect: alternatives },
  };
}

/** The catalogue triggers' refusals (BC021, BC023), reported to the form like the checks above. */
export async function withCatalogueGuardrails<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const state = sqlState(error);
    if (state && ["BC005", "BC021", "BC023"].includes(state.code)) {
      throw new DomainError("CATALOGUE_GUARDRAIL", state.message ?? "The exercise was not saved.");
    }
    throw error;
  }
}

/** Adds an exercise to the clinician's clinic. Its safety is derived from its attributes, never chosen. */
export async function createClinicExercise(user: ClinicianUser, input: ClinicExerciseInput) {
  return withCatalogueGuardrails(() =>
    db.$transaction(async (tx) => {
      const data = await exerciseData(tx, user, input);
      const { safety } = data;
      const exercise = await tx.exercise.create({
        data,
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
    }),
  );
}
