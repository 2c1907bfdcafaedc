import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/dal/credentials";
import { FIXTURE_PASSWORD, createClinic } from "../support/fixtures";

describe("verifyCredentials", () => {
  it("signs in with the right password, whatever the email's case, and records it", async () => {
    const { clinician } = await createClinic();
    const result = await verifyCredentials(`  ${clinician.email.toUpperCase()} `, FIXTURE_PASSWORD);
    expect(result).toEqual({
      id: clinician.id,
      role: "CLINICIAN",
      clinicId: clinician.clinicId,
      sessionVersion: 1,
    });
    const events = await db.auditEvent.findMany({
      where: { actorId: clinician.id },
      select: { action: true },
    });
    expect(events.map((event) => event.action)).toEqual(["auth.sign_in"]);
  });

  it("refuses an unknown email and a wrong password alike", async () => {
    const { clinician } = await createClinic();
    await expect(verifyCredentials("nobody@test.example", FIXTURE_PASSWORD)).resolves.toBeNull();
    await expect(verifyCredentials(clinician.email, "wrong-password")).resolves.toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect(user.failedLoginCount).toBe(1);
    expect(user.lockedUntil).toBeNull();
  });

  it("locks an account after 5 failures, with a delay that grows, counted in the database", async () => {
    const { clinician } = await createClinic();
    const start = new Date("2026-01-01T10:00:00Z");
    for (let attempt = 1; attempt <= 4; attempt++) await verifyCredentials(clinician.email, "wrong", start);
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).lockedUntil).toBeNull();

    await verifyCredentials(clinician.email, "wrong", start);
    let user = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect(user.failedLoginCount).toBe(5);
    expect(user.lockedUntil?.toISOString()).toBe("2026-01-01T10:00:30.000Z");

    // While locked even the right password is refused, and the failure count does not move.
    await expect(
      verifyCredentials(clinician.email, FIXTURE_PASSWORD, new Date("2026-01-01T10:00:10Z")),
    ).resolves.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).failedLoginCount).toBe(5);

    // After the lock, one more failure locks it for twice as long.
    const later = new Date("2026-01-01T10:01:00Z");
    await verifyCredentials(clinician.email, "wrong", later);
    user = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect(user.failedLoginCount).toBe(6);
    expect(user.lockedUntil?.toISOString()).toBe("2026-01-01T10:02:00.000Z");

    // Once the lock has passed, the right password signs in and clears the counters.
    const ok = await verifyCredentials(clinician.email, FIXTURE_PASSWORD, new Date("2026-01-01T10:03:00Z"));
    expect(ok?.id).toBe(clinician.id);
    user = await db.user.findUniqueOrThrow({ where: { id: clinician.id } });
    expect(user.failedLoginCount).toBe(0);
    expect(user.lockedUntil).toBeNull();
  });

  it("refuses a disabled account even with the right password", async () => {
    const { clinician } = await createClinic();
    await db.user.update({ where: { id: clinician.id }, data: { disabledAt: new Date() } });
    await expect(verifyCredentials(clinician.email, FIXTURE_PASSWORD)).resolves.toBeNull();
    const events = await db.auditEvent.findMany({
      where: { actorId: clinician.id },
      select: { action: true, metadata: true },
    });
    expect(events).toEqual([{ action: "auth.sign_in_refused", metadata: { reason: "disabled" } }]);
  });
});
