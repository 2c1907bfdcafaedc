-- The patient's record: contact details a clinician needs to reach them (above all after a red flag), an
-- external record number, the referral reason, an emergency contact, and the dates of the current episode of
-- care. Every field is optional; the app validates them (lib/validation/patient-details.ts) and these CHECKs
-- hold the same shapes whatever the code does.
CREATE TYPE "PreferredContact" AS ENUM ('PHONE', 'EMAIL', 'TEXT');

ALTER TABLE "patient" ADD COLUMN "date_of_birth" DATE;
ALTER TABLE "patient" ADD COLUMN "phone" TEXT;
ALTER TABLE "patient" ADD COLUMN "preferred_contact" "PreferredContact";
ALTER TABLE "patient" ADD COLUMN "external_record_number" TEXT;
ALTER TABLE "patient" ADD COLUMN "referral_reason" TEXT;
ALTER TABLE "patient" ADD COLUMN "emergency_contact_name" TEXT;
ALTER TABLE "patient" ADD COLUMN "emergency_contact_relationship" TEXT;
ALTER TABLE "patient" ADD COLUMN "emergency_contact_phone" TEXT;
-- An episode of care runs from admission (or re-admission) to discharge; earlier episodes' plans are kept.
ALTER TABLE "patient" ADD COLUMN "episode_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "patient" ADD COLUMN "discharged_at" TIMESTAMPTZ(3);
UPDATE "patient" SET "episode_started_at" = "created_at";
UPDATE "patient" SET "discharged_at" = "updated_at" WHERE "status" = 'DISCHARGED';

ALTER TABLE "patient" ADD CONSTRAINT "patient_date_of_birth_range"
  CHECK ("date_of_birth" IS NULL OR "date_of_birth" BETWEEN DATE '1900-01-01' AND DATE '2100-12-31');
ALTER TABLE "patient" ADD CONSTRAINT "patient_phone_shape"
  CHECK ("phone" IS NULL OR "phone" ~ '^\+?[0-9][0-9 ()-]{5,22}$');
ALTER TABLE "patient" ADD CONSTRAINT "patient_emergency_contact_phone_shape"
  CHECK ("emergency_contact_phone" IS NULL OR "emergency_contact_phone" ~ '^\+?[0-9][0-9 ()-]{5,22}$');
ALTER TABLE "patient" ADD CONSTRAINT "patient_record_lengths" CHECK (
  char_length("external_record_number") <= 40
  AND char_length("referral_reason") <= 1000
  AND char_length("emergency_contact_name") <= 80
  AND char_length("emergency_contact_relationship") <= 40
);
-- An emergency contact is a name and a number together, or nothing.
ALTER TABLE "patient" ADD CONSTRAINT "patient_emergency_contact_whole"
  CHECK (("emergency_contact_name" IS NULL) = ("emergency_contact_phone" IS NULL));
-- Being reached by phone or text message needs a phone number.
ALTER TABLE "patient" ADD CONSTRAINT "patient_preferred_contact_reachable"
  CHECK ("preferred_contact" IS NULL OR "preferred_contact" = 'EMAIL' OR "phone" IS NOT NULL);
-- A discharged patient has a discharge date; an active or paused one has none.
ALTER TABLE "patient" ADD CONSTRAINT "patient_discharged_at_matches_status"
  CHECK (("status" = 'DISCHARGED') = ("discharged_at" IS NOT NULL));
