-- Guardrail layer 3 and the invariants Prisma's schema language cannot express. Each refusal raises an
-- error whose message a clinician could read; the SQLSTATE codes in the BC class let the application
-- tell a guardrail refusal from any other failure:
--   BC001  a plan item points at an avoid-list exercise
--   BC002  a plan is activated while its patient is paused by a red flag
--   BC003  a plan item points at another clinic's exercise
--   BC004  a patient would have two current plans
--   BC005  an exercise in a current plan would become avoid-list

-- Emails are stored lower-case, so the unique index on email is case-insensitive.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_case" CHECK ("email" = lower("email"));

-- Safety follows from the movement attributes: any risky attribute makes an exercise AVOID, and an
-- avoid-list exercise always says why.
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_safety_follows_attributes" CHECK (
  "safety" = CASE
    WHEN "forward_bend" OR "twisting" OR "heavy_spinal_load" OR "high_impact" OR "competitive"
      THEN 'AVOID'::"ExerciseSafety"
    ELSE 'SAFE'::"ExerciseSafety"
  END
);
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_avoid_has_reason" CHECK (
  "safety" = 'SAFE' OR length(coalesce("safety_reason", '')) > 0
);

-- Doses: light intensity only, positive amounts, and either repetitions or minutes.
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_light_intensity" CHECK ("intensity" = 'LIGHT');
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_dose" CHECK (
  "times_per_week" BETWEEN 1 AND 14
  AND ("sets" IS NULL OR "sets" BETWEEN 1 AND 10)
  AND ("repetitions" IS NULL OR "repetitions" BETWEEN 1 AND 50)
  AND ("minutes" IS NULL OR "minutes" BETWEEN 1 AND 120)
  AND ("repetitions" IS NOT NULL OR "minutes" IS NOT NULL)
);
ALTER TABLE "plan" ADD CONSTRAINT "plan_version_positive" CHECK ("version" >= 1);

-- Pain is scored on the 0-10 numeric rating scale; notes stay readable.
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_pain_range" CHECK ("pain_score" BETWEEN 0 AND 10);
ALTER TABLE "red_flag_report" ADD CONSTRAINT "red_flag_report_pain_range" CHECK ("pain_score" BETWEEN 0 AND 10);
ALTER TABLE "red_flag_report" ADD CONSTRAINT "red_flag_report_has_flags" CHECK (cardinality("flags") > 0);
ALTER TABLE "session_log" ADD CONSTRAINT "session_log_pain_range" CHECK (
  "pain_before" BETWEEN 0 AND 10 AND "pain_after" BETWEEN 0 AND 10
);
ALTER TABLE "session_log" ADD CONSTRAINT "session_log_notes_length" CHECK (length("notes") <= 2000);

-- A clearance is only recorded when a doctor's clearance was confirmed.
ALTER TABLE "clearance" ADD CONSTRAINT "clearance_confirmed" CHECK ("doctor_clearance_confirmed");

-- A plan item may point only at a SAFE exercise of the global catalogue or of the patient's own clinic.
CREATE FUNCTION "plan_item_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  chosen RECORD;
  patient_clinic uuid;
BEGIN
  SELECT e."name", e."safety", e."clinic_id", e."safety_reason" INTO chosen
    FROM "exercise" e WHERE e."id" = NEW."exercise_id";
  IF chosen."safety" = 'AVOID' THEN
    RAISE EXCEPTION '% is on the avoid list and cannot be part of a plan.', chosen."name"
      USING ERRCODE = 'BC001', DETAIL = coalesce(chosen."safety_reason", '');
  END IF;
  IF chosen."clinic_id" IS NOT NULL THEN
    SELECT pa."clinic_id" INTO patient_clinic
      FROM "plan" p JOIN "patient" pa ON pa."id" = p."patient_id" WHERE p."id" = NEW."plan_id";
    IF patient_clinic IS DISTINCT FROM chosen."clinic_id" THEN
      RAISE EXCEPTION 'This exercise belongs to another clinic''s catalogue.' USING ERRCODE = 'BC003';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "plan_item_guardrail"
  BEFORE INSERT OR UPDATE OF "exercise_id", "plan_id" ON "plan_item"
  FOR EACH ROW EXECUTE FUNCTION "plan_item_guardrail"();

-- A plan becomes ACTIVE only while its patient is not paused by a red flag, and a patient has at most one
-- current (ACTIVE or PAUSED) plan. The patient row is locked so that two concurrent activations serialise.
CREATE FUNCTION "plan_status_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  patient_status "PatientStatus";
BEGIN
  IF NEW."status" NOT IN ('ACTIVE', 'PAUSED') THEN
    RETURN NEW;
  END IF;
  SELECT "status" INTO patient_status FROM "patient" WHERE "id" = NEW."patient_id" FOR UPDATE;
  IF NEW."status" = 'ACTIVE'
     AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM 'ACTIVE')
     AND patient_status = 'PAUSED_RED_FLAG' THEN
    RAISE EXCEPTION 'This patient reported a red flag: the plan cannot be activated until a doctor''s clearance is recorded.'
      USING ERRCODE = 'BC002';
  END IF;
  IF EXISTS (
    SELECT 1 FROM "plan"
     WHERE "patient_id" = NEW."patient_id" AND "id" <> NEW."id" AND "status" IN ('ACTIVE', 'PAUSED')
  ) THEN
    RAISE EXCEPTION 'This patient already has a current plan: revise it instead of starting another.'
      USING ERRCODE = 'BC004';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "plan_status_guardrail"
  BEFORE INSERT OR UPDATE OF "status", "patient_id" ON "plan"
  FOR EACH ROW EXECUTE FUNCTION "plan_status_guardrail"();

-- An exercise that is part of a current plan cannot be turned into an avoid-list exercise underneath it.
CREATE FUNCTION "exercise_safety_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."safety" = 'AVOID' AND OLD."safety" = 'SAFE' AND EXISTS (
    SELECT 1 FROM "plan_item" i JOIN "plan" p ON p."id" = i."plan_id"
     WHERE i."exercise_id" = NEW."id" AND p."status" IN ('DRAFT', 'ACTIVE', 'PAUSED')
  ) THEN
    RAISE EXCEPTION '% is part of a current plan and cannot become an avoid-list exercise.', NEW."name"
      USING ERRCODE = 'BC005';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "exercise_safety_guardrail"
  BEFORE UPDATE OF "safety" ON "exercise"
  FOR EACH ROW EXECUTE FUNCTION "exercise_safety_guardrail"();
