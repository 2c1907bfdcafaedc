-- The alert stream follows a delivery sequence instead of the outbox id. Outbox ids are taken when a row is
-- inserted but become visible when its transaction commits, so a stream reading `id > cursor` skipped any row
-- whose transaction committed after a later id's. delivery_seq is stamped by the relay (lib/realtime/relay.ts),
-- which runs one transaction at a time under an advisory lock: values are therefore committed in increasing
-- order, and a stream (or a reconnect with Last-Event-ID) reading `delivery_seq > cursor` never skips one.
CREATE SEQUENCE "outbox_message_delivery_seq_seq" AS bigint;
ALTER TABLE "outbox_message" ADD COLUMN "delivery_seq" bigint;
ALTER SEQUENCE "outbox_message_delivery_seq_seq" OWNED BY "outbox_message"."delivery_seq";

-- Rows already delivered keep their id as their delivery number: in id order, and an event id a browser
-- received before this migration (an outbox id) still means "everything up to here" when it reconnects.
-- Undelivered rows are numbered by the relay after every old id.
UPDATE "outbox_message" SET "delivery_seq" = "id" WHERE "delivered_at" IS NOT NULL;
SELECT setval('"outbox_message_delivery_seq_seq"', COALESCE(MAX("id"), 0) + 1, false) FROM "outbox_message";

-- Delivered and numbered together, or neither: the relay sets both in one statement.
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_delivery_seq_when_delivered" CHECK (
  ("delivery_seq" IS NULL) = ("delivered_at" IS NULL)
);

CREATE UNIQUE INDEX "outbox_message_delivery_seq_key" ON "outbox_message"("delivery_seq");
-- The stream's read (a clinic's deliveries after a cursor) and its start (the clinic's latest delivery). It
-- replaces the (clinic_id, id) index, which nothing reads any more; its leading column still serves the
-- clinic foreign key's cascade.
CREATE INDEX "outbox_message_clinic_id_delivery_seq_idx" ON "outbox_message"("clinic_id", "delivery_seq");
DROP INDEX "outbox_message_clinic_id_id_idx";

-- The application's role numbers deliveries (default privileges would grant this too; said here explicitly).
GRANT USAGE, SELECT ON SEQUENCE "outbox_message_delivery_seq_seq" TO backcare_app;
