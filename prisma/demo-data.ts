// The demo clinics of PRODUCT.md's contract: Demo Clinic (Robin Patel; Alex Morgan with an active plan and
// two weeks of session logs; Sam Rivera with no plan yet) and Other Clinic (Kim Novak; Jordan Lee).
// Every password is `demo-password`.
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import { snapshotItems } from "../lib/domain/plan-snapshot";

const DAY = 24 * 60 * 60 * 1000;

type Dose = {
  slug: string;
  sets?: number;
  repetitions?: number;
  minutes?: number;
  timesPerWeek: number;
  note?: string;
};

/** Loads the demo data unless it is already there; returns whether it loaded anything. */
export async function seedDemoData(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: "clinician@demo.test" }, select: { id: true } }))
    return false;
  const passwordHash = await hashPassword("demo-password");

  await db.$transaction(async (tx) => {
    const demo = await tx.clinic.create({ data: { name: "Demo Clinic" } });
    const other = await tx.clinic.create({ data: { name: "Other Clinic" } });
    const robin = await tx.user.create({
      data: {
        clinicId: demo.id,
        email: "clinician@demo.test",
        name: "Robin Patel",
        role: "CLINICIAN",
        passwordHash,
      },
    });
    // Not in PRODUCT.md's table: the clinic admin, who sees the audit trail and sets the clinic's MFA rule.
    await tx.user.create({
      data: { clinicId: demo.id, email: "admin@demo.test", name: "Casey Quinn", role: "ADMIN", passwordHash },
    });
    const kim = await tx.user.create({
      data: {
        clinicId: other.id,
        email: "other.clinician@demo.test",
        name: "Kim Novak",
        role: "CLINICIAN",
        passwordHash,
      },
    });

    async function patient(clinicId: string, clinicianId: string, email: string, name: string) {
      const user = await tx.user.create({ data: { clinicId, email, name, role: "PATIENT", passwordHash } });
      return tx.patient.create({ data: { userId: user.id, clinicId, clinicianId } });
    }
    const alex = await patient(demo.id, robin.id, "patient@demo.test", "Alex Morgan");
    await patient(demo.id, robin.id, "patient2@demo.test", "Sam Rivera");
    const jordan = await patient(other.id, kim.id, "other.patient@demo.test", "Jordan Lee");

    async function activePlan(patientId: string, createdById: string, doses: Dose[], startDate: Date) {
      const exercises = await tx.exercise.findMany({
        where: { clinicId: null, slug: { in: doses.map((dose) => dose.slug) } },
        select: { id: true, slug: true, name: true },
      });
      const bySlug = new Map(exercises.map((exercise) => [exercise.slug, exercise]));
      const items = doses.map((dose, index) => ({
        exerciseId: bySlug.get(dose.slug)!.id,
        exercise: { name: bySlug.get(dose.slug)!.name },
        position: index + 1,
        sets: dose.sets ?? null,
        repetitions: dose.repetitions ?? null,
        minutes: dose.minutes ?? null,
        timesPerWeek: dose.timesPerWeek,
        intensity: "LIGHT" as const,
        note: dose.note ?? null,
      }));
      const plan = await tx.plan.create({
        data: {
          patientId,
          createdById,
          startDate,
          status: "ACTIVE",
          activatedAt: startDate,
          patientSeenVersion: 1,
          items: { create: items.map(({ exercise: _exercise, ...item }) => item) },
        },
      });
      const version = await tx.planVersion.create({
        data: {
          planId: plan.id,
          version: 1,
          status: "ACTIVE",
          items: snapshotItems(items),
          summary: "First plan",
          createdById,
        },
      });
      return { plan, version, exerciseIds: items.map((item) => item.exerciseId) };
    }

    /** The clear check-in that preceded a demo session by ten minutes, as every session's must. */
    function checkInBefore(patientId: string, performedAt: Date, painScore: number) {
      return tx.checkIn.create({
        data: {
          patientId,
          idempotencyKey: `demo-check-in-${performedAt.toISOString()}`,
          requestHash: "demo",
          painScore,
          redFlags: [],
          createdAt: new Date(performedAt.getTime() - 10 * 60_000),
        },
        select: { id: true },
      });
    }

    const alexPlan = await activePlan(
      alex.id,
      robin.id,
      [
        {
          slug: "walking",
          minutes: 20,
          timesPerWeek: 5,
          note: "Flat route; build up to 30 minutes over the month.",
        },
        { slug: "light-stretching", sets: 2, repetitions: 5, timesPerWeek: 7 },
        { slug: "light-strength-training", sets: 2, repetitions: 10, timesPerWeek: 3 },
      ],
      new Date(now.getTime() - 16 * DAY),
    );
    // Two weeks of sessions, pain easing from 6 to 3 before and from 5 to 2 after.
    const alexDays = [14, 13, 11, 10, 9, 7, 6, 4, 3, 2, 1];
    for (const [index, daysAgo] of alexDays.entries()) {
      const painBefore = Math.round(6 - (3 * index) / (alexDays.length - 1));
      const performedAt = new Date(now.getTime() - daysAgo * DAY);
      await tx.sessionLog.create({
        data: {
          patientId: alex.id,
          planId: alexPlan.plan.id,
          planVersionId: alexPlan.version.id,
          checkInId: (await checkInBefore(alex.id, performedAt, painBefore)).id,
          idempotencyKey: `demo-${daysAgo}`,
          requestHash: `demo-${daysAgo}`,
          performedAt,
          createdAt: performedAt,
          painBefore,
          painAfter: Math.max(0, painBefore - 1),
          discomfort: index < 3 ? "SORENESS" : "NONE",
          notes: index === 0 ? "Stiff to start with, easier after the walk." : null,
          items: { create: alexPlan.exerciseIds.map((exerciseId) => ({ exerciseId })) },
        },
      });
    }

    const jordanPlan = await activePlan(
      jordan.id,
      kim.id,
      [
        { slug: "swimming", minutes: 20, timesPerWeek: 2 },
        { slug: "walking", minutes: 30, timesPerWeek: 4 },
        { slug: "light-yoga", minutes: 15, timesPerWeek: 3 },
      ],
      new Date(now.getTime() - 10 * DAY),
    );
    for (const daysAgo of [8, 5, 2]) {
      const performedAt = new Date(now.getTime() - daysAgo * DAY);
      await tx.sessionLog.create({
        data: {
          patientId: jordan.id,
          planId: jordanPlan.plan.id,
          planVersionId: jordanPlan.version.id,
          checkInId: (await checkInBefore(jordan.id, performedAt, 4)).id,
          idempotencyKey: `demo-${daysAgo}`,
          requestHash: `demo-${daysAgo}`,
          performedAt,
          createdAt: performedAt,
          painBefore: 4,
          painAfter: 3,
          discomfort: "NONE",
          notes: "Jordan Lee's session note.",
          items: { create: jordanPlan.exerciseIds.map((exerciseId) => ({ exerciseId })) },
        },
      });
    }
  });
  return true;
}
