-- Self-service password resets (lib/dal/password-resets.ts). Only a SHA-256 of each token is stored: a token
-- is 256 random bits, so a slow hash would add nothing. A reset link works once, for 30 minutes.
CREATE TABLE "password_reset" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "password_reset_token_hash_key" ON "password_reset"("token_hash");
CREATE INDEX "password_reset_user_id_idx" ON "password_reset"("user_id");
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An invitation made for an address that already has an account in another clinic. The inviting clinician
-- is answered exactly as for a new address, with a link of the same kind; the link only says to contact the
-- clinic, and nothing of the other clinic is read or written (lib/dal/invitations.ts).
CREATE TABLE "invitation_conflict" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_conflict_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "invitation_conflict_token_hash_key" ON "invitation_conflict"("token_hash");
CREATE INDEX "invitation_conflict_clinic_id_idx" ON "invitation_conflict"("clinic_id");
ALTER TABLE "invitation_conflict" ADD CONSTRAINT "invitation_conflict_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitation_conflict" ADD CONSTRAINT "invitation_conflict_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The application's role reads and writes both (default privileges would grant this too; said here explicitly).
GRANT SELECT, INSERT, UPDATE, DELETE ON "password_reset", "invitation_conflict" TO backcare_app;
