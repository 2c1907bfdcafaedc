-- The catalogue cannot be fooled, and clinic exercises are edited as new versions and retired:
--   BC021  an exercise names an avoid-list motion (sit-ups, running, ...) without the movement that puts it
--          on the avoid list, so it would be derived SAFE
--   BC022  a retired exercise is added to a plan whose latest version did not already hold it
--   BC023  an edit would make an exercise avoid-list while a current plan holds one of its versions

-- An edit is a new row: the old version stays as the plans that prescribed it knew it, and is retired.
ALTER TABLE "exercise"
  ADD COLUMN "origin_id" UUID,
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "retired_at" TIMESTAMPTZ(3);
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_origin_id_fkey" FOREIGN KEY ("origin_id") REFERENCES "exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_version_of_origin" CHECK (
  "version" >= 1 AND ("origin_id" IS NULL) = ("version" = 1)
);
CREATE UNIQUE INDEX "exercise_origin_id_version_key" ON "exercise"("origin_id", "version");
CREATE INDEX "exercise_clinic_id_retired_at_idx" ON "exercise"("clinic_id", "retired_at");
-- At most one current version of an exercise, whatever two concurrent edits do.
CREATE UNIQUE INDEX "exercise_one_current_version" ON "exercise"((coalesce("origin_id", "id"))) WHERE "retired_at" IS NULL;

-- The avoid-list motions and the movement each requires. The same list, in the same regular-expression syntax,
-- is AVOID_MOTIONS in lib/domain/avoid-motions.ts; tests/integration/catalogue-guardrail.test.ts compares them.
-- Patterns read text that is lower case with every run of characters other than a-z, 0-9 and "-" made a space.
CREATE FUNCTION "exercise_avoid_motions"() RETURNS TABLE ("motion" text, "attribute" text, "pattern" text)
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('sit-ups', 'forwardBend', '(^|[^a-z0-9])(sit[ -]?ups?(?! (straight|tall)))([^a-z0-9]|$)'),
    ('crunches', 'forwardBend', '(^|[^a-z0-9])(crunch(es|ing)?)([^a-z0-9]|$)'),
    ('toe touches', 'forwardBend', '(^|[^a-z0-9])(toe[ -]?touch(es|ing)?|touch(ing)? (your )?toes)([^a-z0-9]|$)'),
    ('forward bends', 'forwardBend', '(^|[^a-z0-9])(forward[ -]?bend(s|ing)?|bend(s|ing)? forward)([^a-z0-9]|$)'),
    ('running', 'highImpact', '(^|[^a-z0-9])(run|runs|running|jog|jogs|jogging)([^a-z0-9]|$)'),
    ('golf', 'twisting', '(^|[^a-z0-9])(golf(ing|ers?)?)([^a-z0-9]|$)'),
    ('heavy strength training', 'heavySpinalLoad', '(^|[^a-z0-9])(heavy[ -](strength|lifts?|lifting|weights?|squats?)|dead[ -]?lifts?|deadlifting)([^a-z0-9]|$)'),
    ('aggressive yoga', 'forwardBend', '(^|[^a-z0-9])((aggressive|power|vigorous) yoga)([^a-z0-9]|$)'),
    ('road cycling', 'forwardBend', '(^|[^a-z0-9])(road[ -]?(bicycl|cycl|bik)(e|es|ing)|drop[ -]?(handlebars?|bars?))([^a-z0-9]|$)')
$$;

-- The motions a text mentions, as the domain's requiredMovements finds them in one field.
CREATE FUNCTION "exercise_motions_in"("body" text) RETURNS TABLE ("motion" text, "attribute" text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT m."motion", m."attribute" FROM "exercise_avoid_motions"() m
   WHERE regexp_replace(lower("body"), '[^a-z0-9-]+', ' ', 'g') ~ m."pattern"
$$;

CREATE FUNCTION "exercise_motion_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  hit RECORD;
  ticked boolean;
BEGIN
  FOR hit IN
    SELECT f."field", m."motion", m."attribute"
      FROM (VALUES ('name', NEW."name"), ('summary', NEW."summary"), ('instructions', NEW."instructions"))
             AS f("field", "text"),
           LATERAL "exercise_motions_in"(f."text") m
  LOOP
    ticked := CASE hit."attribute"
      WHEN 'forwardBend' THEN NEW."forward_bend"
      WHEN 'twisting' THEN NEW."twisting"
      WHEN 'heavySpinalLoad' THEN NEW."heavy_spinal_load"
      WHEN 'highImpact' THEN NEW."high_impact"
      WHEN 'competitive' THEN NEW."competitive"
      ELSE false
    END;
    IF NOT ticked THEN
      RAISE EXCEPTION 'The % of "%" mentions %, which is on the avoid list: it must carry that movement, which makes it an avoid-list exercise.',
        hit."field", NEW."name", hit."motion"
        USING ERRCODE = 'BC021';
    END IF;
  END LOOP;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "exercise_motion_guardrail"
  BEFORE INSERT OR UPDATE OF "name", "summary", "instructions", "forward_bend", "twisting", "heavy_spinal_load",
    "high_impact", "competitive", "safety" ON "exercise"
  FOR EACH ROW EXECUTE FUNCTION "exercise_motion_guardrail"();

-- A retired exercise stays in the plans that held it (a revision writes their items again), but is never added
-- to a plan: the plan's latest version, saved before this write, must already hold it.
CREATE FUNCTION "plan_item_retired_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  chosen RECORD;
BEGIN
  SELECT e."name", e."retired_at" INTO chosen FROM "exercise" e WHERE e."id" = NEW."exercise_id";
  IF chosen."retired_at" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "plan_version" v
     WHERE v."plan_id" = NEW."plan_id"
       AND v."version" = (SELECT max(l."version") FROM "plan_version" l WHERE l."plan_id" = NEW."plan_id")
       AND v."items" @> jsonb_build_array(jsonb_build_object('exerciseId', NEW."exercise_id"::text))
  ) THEN
    RAISE EXCEPTION '% has been retired from the catalogue and cannot be added to a plan.', chosen."name"
      USING ERRCODE = 'BC022';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "plan_item_retired_guardrail"
  BEFORE INSERT OR UPDATE OF "exercise_id", "plan_id" ON "plan_item"
  FOR EACH ROW EXECUTE FUNCTION "plan_item_retired_guardrail"();

-- A new version that is avoid-list, while a current plan holds any version of the exercise, is refused: the
-- plan would go on prescribing what the clinic now says to avoid. (In-place changes: BC005.)
CREATE FUNCTION "exercise_version_safety_guardrail"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."origin_id" IS NOT NULL AND NEW."safety" = 'AVOID' AND EXISTS (
    SELECT 1 FROM "plan_item" i
      JOIN "plan" p ON p."id" = i."plan_id"
      JOIN "exercise" e ON e."id" = i."exercise_id"
     WHERE coalesce(e."origin_id", e."id") = NEW."origin_id" AND p."status" IN ('DRAFT', 'ACTIVE', 'PAUSED')
  ) THEN
    RAISE EXCEPTION '% is part of a current plan and cannot become an avoid-list exercise.', NEW."name"
      USING ERRCODE = 'BC023';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "exercise_version_safety_guardrail"
  BEFORE INSERT ON "exercise"
  FOR EACH ROW EXECUTE FUNCTION "exercise_version_safety_guardrail"();
