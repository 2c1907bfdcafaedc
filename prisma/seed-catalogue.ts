import type { PrismaClient } from "../generated/prisma/client";
import { deriveSafety, describeRisk, type MovementAttributes } from "../lib/domain/exercise-safety";
import { CATALOGUE } from "./catalogue";

function attributesOf(partial: Partial<MovementAttributes>): MovementAttributes {
  return {
    forwardBend: partial.forwardBend ?? false,
    twisting: partial.twisting ?? false,
    heavySpinalLoad: partial.heavySpinalLoad ?? false,
    highImpact: partial.highImpact ?? false,
    competitive: partial.competitive ?? false,
  };
}

export async function seedCatalogue(db: PrismaClient): Promise<void> {
  const ids = new Map<string, string>();
  for (const entry of CATALOGUE) {
    const attributes = attributesOf(entry.attributes);
    const data = {
      name: entry.name,
      category: entry.category,
      summary: entry.summary,
      instructions: entry.instructions,
      formCues: entry.formCues,
      warmUp: entry.warmUp ?? false,
      ...attributes,
      safety: deriveSafety(attributes),
      safetyReason: entry.safetyReason ?? describeRisk(attributes),
    };
    // The global catalogue has no clinic, and a unique index treats NULLs as distinct, so look up by slug.
    const existing = await db.exercise.findFirst({
      where: { clinicId: null, slug: entry.slug },
      select: { id: true },
    });
    const saved = existing
      ? await db.exercise.update({ where: { id: existing.id }, data, select: { id: true } })
      : await db.exercise.create({ data: { slug: entry.slug, ...data }, select: { id: true } });
    ids.set(entry.slug, saved.id);
  }
  for (const entry of CATALOGUE) {
    if (!entry.saferAlternatives) continue;
    await db.exercise.update({
      where: { id: ids.get(entry.slug)! },
      data: { saferAlternatives: { set: entry.saferAlternatives.map((slug) => ({ id: ids.get(slug)! })) } },
    });
  }
}
