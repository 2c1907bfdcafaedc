import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { AdminUser } from "@/lib/dal/session";
import { createClinic } from "../support/fixtures";

// The settings form's action as the admin submits it, with the session stood in for.
const acting = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/dal/session", () => ({
  requireAdmin: async () => acting.user,
  requireUser: async () => acting.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveClinicSettingsAction } = await import("@/lib/actions/clinic");

const valid = {
  name: "Riverside Physio",
  address: "12 Quay Street\nBristol BS1 4DJ",
  phone: "+44 117 496 0000",
  emergencyNumber: "112",
  timeZone: "America/New_York",
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const stored = (id: string) =>
  db.clinic.findUniqueOrThrow({
    where: { id },
    select: { name: true, address: true, phone: true, emergencyNumber: true, timeZone: true },
  });

async function clinicWithAdmin() {
  const setup = await createClinic();
  const row = await db.user.create({
    data: {
      clinicId: setup.clinic.id,
      email: `admin-${randomUUID().slice(0, 8)}@test.example`,
      name: "Admin",
      role: "ADMIN",
      passwordHash: "x",
    },
  });
  const admin: AdminUser = {
    id: row.id,
    role: "ADMIN",
    clinicId: setup.clinic.id,
    name: row.name,
    email: row.email,
    patientId: null,
    sessionId: null,
    mfa: "not-required",
  };
  acting.user = admin;
  return { ...setup, admin };
}

beforeEach(() => {
  acting.user = null;
});

describe("clinic settings", () => {
  it("saves the name, address, phone, emergency number and time zone, audited by field", async () => {
    const { clinic, admin } = await clinicWithAdmin();
    const state = await saveClinicSettingsAction({}, form(valid));
    expect(state).toEqual({
      ok: true,
      message: "Saved. Patients paused by a red flag are told to call 112.",
    });
    expect(await stored(clinic.id)).toEqual(valid);
    const audits = await db.auditEvent.findMany({
      where: { clinicId: clinic.id, entityType: "Clinic" },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, metadata: true },
    });
    expect(audits).toEqual([
      { action: "clinic.emergency_number", actorId: admin.id, metadata: { emergencyNumber: "112" } },
      {
        action: "clinic.settings_changed",
        actorId: admin.id,
        metadata: { changed: ["name", "address", "phone", "timeZone"] },
      },
    ]);

    // Emptied optional fields are stored as none; a save that changes nothing writes no audit row.
    await saveClinicSettingsAction({}, form({ ...valid, address: "  ", phone: "" }));
    expect(await stored(clinic.id)).toMatchObject({ address: null, phone: null });
    const count = await db.auditEvent.count({ where: { clinicId: clinic.id, entityType: "Clinic" } });
    expect(await saveClinicSettingsAction({}, form({ ...valid, address: "", phone: "" }))).toEqual({
      ok: true,
      message: "Nothing changed.",
    });
    expect(await db.auditEvent.count({ where: { clinicId: clinic.id, entityType: "Clinic" } })).toBe(count);
  });

  it.each([
    [
      "an unknown time zone",
      { timeZone: "Mars/Olympus_Mons" },
      "timeZone",
      "Choose a time zone from the list, such as Europe/London.",
    ],
    [
      "a time zone in the wrong case",
      { timeZone: "europe/london" },
      "timeZone",
      "Choose a time zone from the list, such as Europe/London.",
    ],
    ["an empty name", { name: "   " }, "name", "Give the clinic's name."],
    [
      "a malformed phone",
      { phone: "call reception" },
      "phone",
      "Give the phone number as digits, spaces and an optional leading +, such as +44 20 7946 0000.",
    ],
    [
      "an emergency number with letters",
      { emergencyNumber: "9x9" },
      "emergencyNumber",
      "Give the number as digits, such as 999, 112 or 911.",
    ],
  ])("refuses %s with a clear message and stores nothing", async (_, change, field, message) => {
    const { clinic } = await clinicWithAdmin();
    const before = await stored(clinic.id);
    const state = await saveClinicSettingsAction({}, form({ ...valid, ...change }));
    expect(state.ok).toBeUndefined();
    expect(state.fieldErrors).toEqual({ [field]: [message] });
    expect(await stored(clinic.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { clinicId: clinic.id, entityType: "Clinic" } })).toBe(0);
  });

  it("refuses a forged clinic id and changes only the admin's own clinic", async () => {
    const { clinic } = await clinicWithAdmin();
    const other = await createClinic();
    const state = await saveClinicSettingsAction({}, form({ ...valid, clinicId: other.clinic.id }));
    expect(state.ok).toBeUndefined();
    expect((await stored(other.clinic.id)).name).toBe(other.clinic.name);
    expect((await stored(clinic.id)).name).toBe(clinic.name);
  });
});
