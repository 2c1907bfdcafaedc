-- One row per open alert stream (server-sent events), so that a session holds at most five at once across
-- every app process: opening a sixth deletes the oldest lease, and the stream holding it closes at its next
-- session check (lib/realtime/alert-stream.ts). A stream deletes its lease when it closes; a lease left by a
-- process that died is the oldest of its session and goes first, or with the session.
CREATE TABLE "alert_stream_lease" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_stream_lease_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "alert_stream_lease_session_id_opened_at_idx" ON "alert_stream_lease"("session_id", "opened_at");

ALTER TABLE "alert_stream_lease" ADD CONSTRAINT "alert_stream_lease_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
