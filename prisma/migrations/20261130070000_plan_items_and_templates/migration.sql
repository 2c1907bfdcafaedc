-- Plan items as clinicians write them (hold, rest, side), and clinic templates that a plan can start from.
-- The bounds here are the ones in lib/domain/dose-limits.ts; the template guardrail is layer 3 for templates:
--   BC010  a template item points at an avoid-list exercise or at another clinic's exercise

CREATE TYPE "Side" AS ENUM ('LEFT', 'RIGHT', 'BOTH', 'NOT_APPLICABLE');

ALTER TABLE "plan_item"
  ADD COLUMN "hold_seconds" INTEGER,
  ADD COLUMN "rest_seconds" INTEGER,
  ADD COLUMN "side" "Side" NOT NULL DEFAULT 'NOT_APPLICABLE';
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_hold_rest" CHECK (
  ("hold_seconds" IS NULL OR "hold_seconds" BETWEEN 1 AND 120)
  AND ("rest_seconds" IS NULL OR "rest_seconds" BETWEEN 0 AND 600)
);
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_note_length" CHECK (length("note") <= 500);

CREATE TABLE "plan_template" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "plan_template_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "plan_template_name_length" CHECK (length(btrim("name")) BETWEEN 1 AND 120)
);
CREATE INDEX "plan_template_clinic_id_retired_at_idx" ON "plan_template"("clinic_id", "retired_at");
ALTER TABLE "plan_template" ADD CONSTRAINT "plan_template_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_template" ADD CONSTRAINT "plan_template_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "plan_template_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "template_id" UUID NOT NULL,
    "exercise_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sets" INTEGER,
    "repetitions" INTEGER,
    "minutes" INTEGER,
    "hold_seconds" INTEGER,
    "rest_seconds" INTEGER,
    "side" "Side" NOT NULL DEFAULT 'NOT_APPLICABLE',
    "times_per_week" INTEGER NOT NULL,
    "intensity" "Intensity" NOT NULL DEFAULT 'LIGHT',
    "note" TEXT,

    CONSTRAINT "plan_template_item_pkey" PRIMARY KEY ("id"),
    -- The same dose rules as plan_item (guardrails migration and plan_item_hold_rest above).
    CONSTRAINT "plan_template_item_light_intensity" CHECK ("intensity" = 'LIGHT'),
    CONSTRAINT "plan_template_item_dose" CHECK (
      "times_per_week" BETWEEN 1 AND 14
      AND ("sets" IS NULL OR "sets" BETWEEN 1 AND 10)
      AND ("repetitions" IS NULL OR "repetitions" BETWEEN 1 AND 50)
      AND ("minutes" IS NULL OR "minutes" BETWEEN 1 AND 120)
      AND ("repetitions" IS NOT NULL OR "minutes" IS NOT NULL)
      AND ("hold_seconds" IS NULL OR "hold_seconds" BETWEEN 1 AND 120)
      AND ("rest_seconds" IS NULL OR "rest_seconds" BETWEEN 0 AND 600)
      AND length("note") <= 500
    )
);
CREATE INDEX "plan_template_item_template_id_position_idx" ON "plan_template_item"("template_id", "position");
CREATE INDEX "plan_template_item_exercise_id_idx" ON "plan_template_item"("exercise_id");
ALTER TABLE "plan_template_item" ADD CONSTRAINT "plan_template_item_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "plan_template"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_template_item" ADD CONSTRAINT "plan_template_item_exercise_id_fkey" FOREIGN KEY ("exercise_id") REFERENCES "exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A template item may point only at a SAFE exercise of the global catalogue or of the template's own clinic:
-- a template is a plan waiting to happen, so it is held to the plan items' guardrail (plan_item_guardrail).
CREATE FUNCTION "plan_template_item_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  chosen RECORD;
  template_clinic uuid;
BEGIN
  SELECT e."name", e."safety", e."clinic_id", e."safety_reason" INTO chosen
    FROM "exercise" e WHERE e."id" = NEW."exercise_id";
  IF chosen."safety" = 'AVOID' THEN
    RAISE EXCEPTION '% is on the avoid list and cannot be part of a template.', chosen."name"
      USING ERRCODE = 'BC010', DETAIL = coalesce(chosen."safety_reason", '');
  END IF;
  IF chosen."clinic_id" IS NOT NULL THEN
    SELECT t."clinic_id" INTO template_clinic FROM "plan_template" t WHERE t."id" = NEW."template_id";
    IF template_clinic IS DISTINCT FROM chosen."clinic_id" THEN
      RAISE EXCEPTION 'This exercise belongs to another clinic''s catalogue.' USING ERRCODE = 'BC010';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "plan_template_item_guardrail"
  BEFORE INSERT OR UPDATE OF "exercise_id", "template_id" ON "plan_template_item"
  FOR EACH ROW EXECUTE FUNCTION "plan_template_item_guardrail"();

-- An exercise held by a live template cannot be turned into an avoid-list exercise underneath it.
CREATE FUNCTION "exercise_template_safety_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."safety" = 'AVOID' AND OLD."safety" = 'SAFE' AND EXISTS (
    SELECT 1 FROM "plan_template_item" i JOIN "plan_template" t ON t."id" = i."template_id"
     WHERE i."exercise_id" = NEW."id" AND t."retired_at" IS NULL
  ) THEN
    RAISE EXCEPTION '% is part of a clinic template and cannot become an avoid-list exercise.', NEW."name"
      USING ERRCODE = 'BC010';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "exercise_template_safety_guardrail"
  BEFORE UPDATE OF "safety" ON "exercise"
  FOR EACH ROW EXECUTE FUNCTION "exercise_template_safety_guardrail"();

GRANT SELECT, INSERT, UPDATE, DELETE ON "plan_template", "plan_template_item" TO backcare_app;
