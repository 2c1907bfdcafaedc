-- The red-flag path made whole: flags stored whatever else a form holds, every session preceded by its own
-- clear check-in, severe pain after a session as a red flag, red flags closed with an honest outcome, and the
-- clinic's emergency number for the seek-care advice. New refusals in the BC class:
--   BC007  a session log points at a check-in that reported red flags
--   BC008  a session log points at a check-in made more than 2 hours before it (or after it)

-- The three cauda equina signs that "tingling or numbness" covers only broadly.
ALTER TYPE "RedFlag" ADD VALUE 'SADDLE_NUMBNESS' BEFORE 'VERY_SEVERE_PAIN';
ALTER TYPE "RedFlag" ADD VALUE 'SEXUAL_FUNCTION' BEFORE 'VERY_SEVERE_PAIN';
ALTER TYPE "RedFlag" ADD VALUE 'BOTH_LEGS' BEFORE 'VERY_SEVERE_PAIN';

-- A rise of pain across one session warns the clinician at once.
ALTER TYPE "AlertReason" ADD VALUE 'PAIN_ROSE_IN_SESSION' BEFORE 'RISING_PAIN';

-- A red flag is stored even when the pain score is missing or unreadable: the score is then unknown (null).
-- A check-in without red flags still needs its pain score.
ALTER TABLE "check_in" ALTER COLUMN "pain_score" DROP NOT NULL;
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_clear_has_pain" CHECK (
  "pain_score" IS NOT NULL OR cardinality("red_flags") > 0
);
ALTER TABLE "red_flag_report" ALTER COLUMN "pain_score" DROP NOT NULL;

-- A red flag comes from a check-in, from the pain after a session, or (when the session could not be stored)
-- from the form alone.
ALTER TABLE "red_flag_report" ALTER COLUMN "check_in_id" DROP NOT NULL;
ALTER TABLE "red_flag_report" ADD COLUMN "session_log_id" uuid;
ALTER TABLE "red_flag_report" ADD CONSTRAINT "red_flag_report_session_log_id_fkey"
  FOREIGN KEY ("session_log_id") REFERENCES "session_log"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE UNIQUE INDEX "red_flag_report_session_log_id_key" ON "red_flag_report"("session_log_id");
ALTER TABLE "red_flag_report" ADD CONSTRAINT "red_flag_report_one_source" CHECK (
  num_nonnulls("check_in_id", "session_log_id") <= 1
);

-- Unanswered questions on the session log are stored as unanswered, never as "no discomfort".
ALTER TABLE "session_log" ALTER COLUMN "discomfort" DROP DEFAULT;
ALTER TABLE "session_log" ALTER COLUMN "discomfort" DROP NOT NULL;

-- Every session log points at a clear check-in of the same patient, made within the 2 hours before it and
-- used by no other log. Logs stored before this rule get the check-in they would have needed.
CREATE UNIQUE INDEX "check_in_id_patient_id_key" ON "check_in"("id", "patient_id");
ALTER TABLE "session_log" ADD COLUMN "check_in_id" uuid;
INSERT INTO "check_in" ("patient_id", "idempotency_key", "request_hash", "pain_score", "red_flags", "created_at")
SELECT "patient_id", 'session-log:' || "id", 'backfilled', "pain_before", '{}', "created_at" - interval '5 minutes'
  FROM "session_log";
UPDATE "session_log" l SET "check_in_id" = c."id"
  FROM "check_in" c
 WHERE c."patient_id" = l."patient_id" AND c."idempotency_key" = 'session-log:' || l."id";
ALTER TABLE "session_log" ALTER COLUMN "check_in_id" SET NOT NULL;
CREATE UNIQUE INDEX "session_log_check_in_id_key" ON "session_log"("check_in_id");
CREATE UNIQUE INDEX "session_log_check_in_id_patient_id_key" ON "session_log"("check_in_id", "patient_id");
ALTER TABLE "session_log" ADD CONSTRAINT "session_log_check_in_id_patient_id_fkey"
  FOREIGN KEY ("check_in_id", "patient_id") REFERENCES "check_in"("id", "patient_id")
  ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "session_log_check_in_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  chosen RECORD;
BEGIN
  SELECT "red_flags", "created_at" INTO chosen FROM "check_in" WHERE "id" = NEW."check_in_id";
  IF cardinality(chosen."red_flags") > 0 THEN
    RAISE EXCEPTION 'This check-in reported red flags, so no session may follow it.' USING ERRCODE = 'BC007';
  END IF;
  IF chosen."created_at" > NEW."created_at" OR chosen."created_at" < NEW."created_at" - interval '2 hours' THEN
    RAISE EXCEPTION 'A session must follow its own check-in within 2 hours. Check in again first.'
      USING ERRCODE = 'BC008';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "session_log_check_in_guardrail"
  BEFORE INSERT OR UPDATE OF "check_in_id", "created_at" ON "session_log"
  FOR EACH ROW EXECUTE FUNCTION "session_log_check_in_guardrail"();

-- A red flag is closed with an honest outcome: a doctor cleared the patient to exercise, the patient was
-- referred for urgent care (still paused), or the patient was discharged. A report may be referred first
-- and cleared later, so it may carry one row of each outcome.
CREATE TYPE "RedFlagOutcome" AS ENUM ('CLEARED', 'REFERRED', 'DISCHARGED');
ALTER TABLE "clearance" ADD COLUMN "outcome" "RedFlagOutcome" NOT NULL DEFAULT 'CLEARED';
ALTER TABLE "clearance" ALTER COLUMN "outcome" DROP DEFAULT;
ALTER TABLE "clearance" DROP CONSTRAINT "clearance_confirmed";
ALTER TABLE "clearance" ADD CONSTRAINT "clearance_confirmed" CHECK (
  "doctor_clearance_confirmed" = ("outcome" = 'CLEARED')
);
DROP INDEX "clearance_red_flag_report_id_key";
CREATE UNIQUE INDEX "clearance_red_flag_report_id_outcome_key" ON "clearance"("red_flag_report_id", "outcome");

-- The number a paused patient is told to call, shown as a tappable link.
ALTER TABLE "clinic" ADD COLUMN "emergency_number" text NOT NULL DEFAULT '999';
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_emergency_number_format" CHECK (
  "emergency_number" ~ '^\+?[0-9][0-9 ]{1,19}$'
);
