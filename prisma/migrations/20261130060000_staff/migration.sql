-- Staff are invited with the same one-time link as patients, so an invitation now belongs to an account
-- (user_id); patient_id stays set for a patient's invitation and is null for a clinician's or an admin's.
ALTER TABLE "invitation" ADD COLUMN "user_id" UUID;
UPDATE "invitation" SET "user_id" = "patient"."user_id" FROM "patient" WHERE "patient"."id" = "invitation"."patient_id";
ALTER TABLE "invitation" ALTER COLUMN "user_id" SET NOT NULL;
ALTER TABLE "invitation" ALTER COLUMN "patient_id" DROP NOT NULL;
CREATE INDEX "invitation_user_id_idx" ON "invitation"("user_id");
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A patient's clinician is an active clinician of the patient's clinic (BC030). FOR SHARE waits for a
-- deactivation in progress, which holds the clinician's row FOR UPDATE while it counts their patients
-- (lib/dal/staff.ts), and then reads the row as that left it: a patient can never be handed to, or invited
-- by, a clinician being deactivated at the same moment.
CREATE FUNCTION backcare_patient_clinician_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "app_user"
    WHERE "id" = NEW."clinician_id" AND "clinic_id" = NEW."clinic_id" AND "role" = 'CLINICIAN' AND "disabled_at" IS NULL
    FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'a patient''s clinician must be an active clinician of the patient''s clinic'
      USING ERRCODE = 'BC030';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "patient_clinician_active" BEFORE INSERT OR UPDATE OF "clinician_id", "clinic_id" ON "patient"
  FOR EACH ROW EXECUTE FUNCTION backcare_patient_clinician_active();
