-- A clinic's contact details and the time zone every date and time is shown in; a person may choose their
-- own zone (app_user.time_zone, null: the clinic's). Zones are IANA names, checked by the app (lib/time.ts)
-- and here against PostgreSQL's own list, so that a stored zone always converts.
ALTER TABLE "clinic" ADD COLUMN "address" TEXT;
ALTER TABLE "clinic" ADD COLUMN "phone" TEXT;
ALTER TABLE "clinic" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'Europe/London';
ALTER TABLE "app_user" ADD COLUMN "time_zone" TEXT;

CREATE FUNCTION backcare_is_time_zone(zone text) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = zone) $$;

ALTER TABLE "clinic" ADD CONSTRAINT "clinic_time_zone_known" CHECK (backcare_is_time_zone("time_zone"));
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_time_zone_known"
  CHECK ("time_zone" IS NULL OR backcare_is_time_zone("time_zone"));
