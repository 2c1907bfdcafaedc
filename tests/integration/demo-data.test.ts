import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";

// PRODUCT.md's contract: the acceptance tests rely on these accounts; the clinic admin is ours.
describe("demo data", () => {
  it("has the contract's clinics, roles, emails and names, every password demo-password", async () => {
    const users = await db.user.findMany({
      where: { email: { endsWith: "@demo.test" } },
      orderBy: { email: "asc" },
      select: { email: true, name: true, role: true, passwordHash: true, clinic: { select: { name: true } } },
    });
    expect(users.map(({ email, name, role, clinic }) => [clinic.name, role, email, name])).toEqual([
      ["Demo Clinic", "ADMIN", "admin@demo.test", "Casey Quinn"],
      ["Demo Clinic", "CLINICIAN", "clinician@demo.test", "Robin Patel"],
      ["Other Clinic", "CLINICIAN", "other.clinician@demo.test", "Kim Novak"],
      ["Other Clinic", "PATIENT", "other.patient@demo.test", "Jordan Lee"],
      ["Demo Clinic", "PATIENT", "patient2@demo.test", "Sam Rivera"],
      ["Demo Clinic", "PATIENT", "patient@demo.test", "Alex Morgan"],
    ]);
    for (const user of users) expect(await verifyPassword("demo-password", user.passwordHash)).toBe(true);
  });

  it("gives Alex Morgan an active plan of at least three safe exercises and two weeks of logs", async () => {
    const alex = await db.patient.findFirstOrThrow({
      where: { user: { email: "patient@demo.test" } },
      include: {
        plans: { include: { items: { include: { exercise: true } } } },
        sessionLogs: { orderBy: { performedAt: "asc" } },
      },
    });
    expect(alex.plans).toHaveLength(1);
    expect(alex.plans[0]!.status).toBe("ACTIVE");
    expect(alex.plans[0]!.items.length).toBeGreaterThanOrEqual(3);
    expect(alex.plans[0]!.items.every((item) => item.exercise.safety === "SAFE")).toBe(true);
    const first = alex.sessionLogs[0]!.performedAt.getTime();
    const last = alex.sessionLogs.at(-1)!.performedAt.getTime();
    expect((last - first) / 86_400_000).toBeGreaterThanOrEqual(12);
    expect(Date.now() - last).toBeLessThan(3 * 86_400_000);
  });

  it("gives Sam Rivera no plan", async () => {
    const sam = await db.patient.findFirstOrThrow({
      where: { user: { email: "patient2@demo.test" } },
      include: { plans: true },
    });
    expect(sam.plans).toEqual([]);
  });

  it("holds the source document's six safe and six avoid-list exercises, each avoided one with its alternative", async () => {
    const exercises = await db.exercise.findMany({
      where: { clinicId: null },
      include: { saferAlternatives: { select: { name: true } } },
      orderBy: { name: "asc" },
    });
    expect(exercises.filter((exercise) => exercise.safety === "SAFE")).toHaveLength(6);
    const avoided = exercises.filter((exercise) => exercise.safety === "AVOID");
    expect(
      Object.fromEntries(
        avoided.map((exercise) => [exercise.name, exercise.saferAlternatives.map((alt) => alt.name).sort()]),
      ),
    ).toEqual({
      "Aggressive yoga": ["Light yoga"],
      "Forward-bend motions (sit-ups, toe touches)": ["Light stretching"],
      Golf: ["Swimming", "Walking"],
      "Heavy strength training": ["Light strength training"],
      Running: ["Walking"],
      "Road bicycling (forward position)": ["Upright or recumbent bicycling"],
    });
    expect(avoided.every((exercise) => (exercise.safetyReason ?? "").length > 0)).toBe(true);
  });
});
