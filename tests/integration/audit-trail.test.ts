import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getClinicPatient } from "@/lib/dal/patients";
import { createClinic, nextInterrupt } from "../support/fixtures";

describe("the audit trail", () => {
  it("records a clinician reading a patient's record, and a refused request for another clinic's patient", async () => {
    const mine = await createClinic();
    const other = await createClinic();
    await getClinicPatient(mine.asClinician, mine.patient.id);
    expect(await nextInterrupt(getClinicPatient(other.asClinician, mine.patient.id))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );

    const viewed = await db.auditEvent.findMany({
      where: { actorId: mine.clinician.id },
      select: { action: true, entityId: true, patientId: true },
    });
    expect(viewed).toEqual([
      { action: "patient.record_viewed", entityId: mine.patient.id, patientId: mine.patient.id },
    ]);
    const refused = await db.auditEvent.findMany({
      where: { actorId: other.clinician.id },
      select: { action: true, entityId: true, clinicId: true, patientId: true },
    });
    // Recorded in the asking clinic's trail, without linking the row to the other clinic's patient.
    expect(refused).toEqual([
      {
        action: "authorization.refused",
        entityId: mine.patient.id,
        clinicId: other.clinic.id,
        patientId: null,
      },
    ]);
  });

  it("cannot be changed or deleted, even by the role that owns the table", async () => {
    const { asClinician, patient } = await createClinic();
    await getClinicPatient(asClinician, patient.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: asClinician.id } });
    await expect(
      db.$executeRaw`update audit_event set action = 'nothing happened' where id = ${event.id}`,
    ).rejects.toThrow(/Audit events cannot be changed or deleted/);
    await expect(db.$executeRaw`delete from audit_event where id = ${event.id}`).rejects.toThrow(
      /Audit events cannot be changed or deleted/,
    );
    await expect(db.$executeRaw`truncate audit_event`).rejects.toThrow(
      /Audit events cannot be changed or deleted/,
    );
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe(
      "patient.record_viewed",
    );
  });

  it("is append-only for the application's database role by grant: it may read and add rows, never change them", async () => {
    const { asClinician, patient } = await createClinic();
    await getClinicPatient(asClinician, patient.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: asClinician.id } });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("set role backcare_app");
      // The grant refuses before the trigger is reached: the error is PostgreSQL's, not the trigger's.
      for (const statement of [
        `update audit_event set action = 'nothing happened' where id = ${event.id}`,
        `delete from audit_event where id = ${event.id}`,
        "truncate audit_event",
      ]) {
        await expect(client.query(statement)).rejects.toMatchObject({
          code: "42501",
          message: "permission denied for table audit_event",
        });
      }
      // Everything else the application does still works as this role.
      const read = await client.query("select action from audit_event where id = $1", [event.id]);
      expect(read.rows).toEqual([{ action: "patient.record_viewed" }]);
      await client.query(
        "insert into audit_event (clinic_id, action, entity_type) values ($1, 'test.appended', 'Test')",
        [asClinician.clinicId],
      );
      await client.query("update patient set updated_at = now() where id = $1", [patient.id]);
      await expect(client.query("select count(*) from _prisma_migrations")).rejects.toMatchObject({
        code: "42501",
      });
    } finally {
      await client.end();
    }
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe(
      "patient.record_viewed",
    );
    expect(
      await db.auditEvent.count({ where: { action: "test.appended", clinicId: asClinician.clinicId } }),
    ).toBe(1);
  });
});
