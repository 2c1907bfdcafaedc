-- The role the application runs as. Migrations run as the schema's owner; the application connects as a
-- login role that is a member of backcare_app (scripts/serve.ts makes one for the embedded database; in
-- production see the README). backcare_app may read and write every table but may only read and append to
-- the audit trail: a plain grant, which PostgreSQL enforces before any trigger runs. The append-only trigger
-- stays as a second layer that binds the owner too.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backcare_app') THEN
    CREATE ROLE backcare_app NOLOGIN;
  END IF;
END;
$$;

GRANT USAGE ON SCHEMA public TO backcare_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO backcare_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO backcare_app;
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM backcare_app;
-- Migrations are not the application's business (the table is missing where migrations are replayed without
-- their history, as in Prisma's shadow database).
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM backcare_app;
  END IF;
END;
$$;

-- Tables and sequences made by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO backcare_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO backcare_app;
