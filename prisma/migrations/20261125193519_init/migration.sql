-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLINICIAN', 'PATIENT', 'ADMIN');

-- CreateEnum
CREATE TYPE "PatientStatus" AS ENUM ('ACTIVE', 'PAUSED_RED_FLAG', 'DISCHARGED');

-- CreateEnum
CREATE TYPE "ExerciseSafety" AS ENUM ('SAFE', 'AVOID');

-- CreateEnum
CREATE TYPE "ExerciseCategory" AS ENUM ('AEROBIC', 'FLEXIBILITY', 'STRENGTH', 'SPORT');

-- CreateEnum
CREATE TYPE "Intensity" AS ENUM ('LIGHT', 'MODERATE', 'VIGOROUS');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "RedFlag" AS ENUM ('UNABLE_TO_WALK', 'TINGLING_OR_NUMBNESS', 'BOWEL_OR_BLADDER_CONTROL', 'UNABLE_TO_MOVE_VOLUNTARILY', 'VERY_SEVERE_PAIN');

-- CreateEnum
CREATE TYPE "Discomfort" AS ENUM ('NONE', 'SORENESS', 'PAIN');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('URGENT', 'WARNING');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "AlertReason" AS ENUM ('RED_FLAG', 'PAIN_WORSE_OR_SPREAD', 'RISING_PAIN');

-- CreateTable
CREATE TABLE "clinic" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "mfa_required" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "disabled_at" TIMESTAMPTZ(3),
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "last_failed_login_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patient" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "status" "PatientStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exercise" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "ExerciseCategory" NOT NULL,
    "summary" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "form_cues" TEXT[],
    "forward_bend" BOOLEAN NOT NULL DEFAULT false,
    "twisting" BOOLEAN NOT NULL DEFAULT false,
    "heavy_spinal_load" BOOLEAN NOT NULL DEFAULT false,
    "high_impact" BOOLEAN NOT NULL DEFAULT false,
    "competitive" BOOLEAN NOT NULL DEFAULT false,
    "warm_up" BOOLEAN NOT NULL DEFAULT false,
    "safety" "ExerciseSafety" NOT NULL,
    "safety_reason" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exercise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "start_date" DATE NOT NULL,
    "created_by_id" UUID NOT NULL,
    "activated_at" TIMESTAMPTZ(3),
    "paused_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "plan_id" UUID NOT NULL,
    "exercise_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sets" INTEGER,
    "repetitions" INTEGER,
    "minutes" INTEGER,
    "times_per_week" INTEGER NOT NULL,
    "intensity" "Intensity" NOT NULL DEFAULT 'LIGHT',
    "note" TEXT,

    CONSTRAINT "plan_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "plan_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_in" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "pain_score" INTEGER NOT NULL,
    "red_flags" "RedFlag"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_in_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_log" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "plan_version_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "performed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pain_before" INTEGER NOT NULL,
    "pain_after" INTEGER NOT NULL,
    "discomfort" "Discomfort" NOT NULL DEFAULT 'NONE',
    "worse_or_spread" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_log_item" (
    "session_log_id" UUID NOT NULL,
    "exercise_id" UUID NOT NULL,

    CONSTRAINT "session_log_item_pkey" PRIMARY KEY ("session_log_id","exercise_id")
);

-- CreateTable
CREATE TABLE "red_flag_report" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "check_in_id" UUID NOT NULL,
    "flags" "RedFlag"[],
    "pain_score" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "red_flag_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "reason" "AlertReason" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "message" TEXT NOT NULL,
    "red_flag_report_id" UUID,
    "session_log_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "resolution_note" TEXT,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clearance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "red_flag_report_id" UUID NOT NULL,
    "clinician_id" UUID NOT NULL,
    "doctor_clearance_confirmed" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "cleared_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clearance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "clinic_id" UUID,
    "actor_id" UUID,
    "patient_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "metadata" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" BIGSERIAL NOT NULL,
    "clinic_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_SaferAlternative" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_SaferAlternative_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_clinic_id_role_idx" ON "app_user"("clinic_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "patient_user_id_key" ON "patient"("user_id");

-- CreateIndex
CREATE INDEX "patient_clinic_id_status_idx" ON "patient"("clinic_id", "status");

-- CreateIndex
CREATE INDEX "patient_clinician_id_idx" ON "patient"("clinician_id");

-- CreateIndex
CREATE INDEX "exercise_safety_category_idx" ON "exercise"("safety", "category");

-- CreateIndex
CREATE UNIQUE INDEX "exercise_clinic_id_slug_key" ON "exercise"("clinic_id", "slug");

-- CreateIndex
CREATE INDEX "plan_patient_id_status_idx" ON "plan"("patient_id", "status");

-- CreateIndex
CREATE INDEX "plan_item_plan_id_position_idx" ON "plan_item"("plan_id", "position");

-- CreateIndex
CREATE INDEX "plan_item_exercise_id_idx" ON "plan_item"("exercise_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_version_plan_id_version_key" ON "plan_version"("plan_id", "version");

-- CreateIndex
CREATE INDEX "check_in_patient_id_created_at_idx" ON "check_in"("patient_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "check_in_patient_id_idempotency_key_key" ON "check_in"("patient_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "session_log_patient_id_performed_at_idx" ON "session_log"("patient_id", "performed_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "session_log_patient_id_idempotency_key_key" ON "session_log"("patient_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "red_flag_report_check_in_id_key" ON "red_flag_report"("check_in_id");

-- CreateIndex
CREATE INDEX "red_flag_report_patient_id_created_at_idx" ON "red_flag_report"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "alert_clinic_id_status_severity_created_at_idx" ON "alert"("clinic_id", "status", "severity", "created_at");

-- CreateIndex
CREATE INDEX "alert_patient_id_status_idx" ON "alert"("patient_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "clearance_red_flag_report_id_key" ON "clearance"("red_flag_report_id");

-- CreateIndex
CREATE INDEX "clearance_patient_id_idx" ON "clearance"("patient_id");

-- CreateIndex
CREATE INDEX "audit_event_clinic_id_created_at_idx" ON "audit_event"("clinic_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_patient_id_created_at_idx" ON "audit_event"("patient_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "outbox_message_delivered_at_id_idx" ON "outbox_message"("delivered_at", "id");

-- CreateIndex
CREATE INDEX "outbox_message_clinic_id_id_idx" ON "outbox_message"("clinic_id", "id");

-- CreateIndex
CREATE INDEX "_SaferAlternative_B_index" ON "_SaferAlternative"("B");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise" ADD CONSTRAINT "exercise_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_exercise_id_fkey" FOREIGN KEY ("exercise_id") REFERENCES "exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_log" ADD CONSTRAINT "session_log_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_log" ADD CONSTRAINT "session_log_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_log" ADD CONSTRAINT "session_log_plan_version_id_fkey" FOREIGN KEY ("plan_version_id") REFERENCES "plan_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_log_item" ADD CONSTRAINT "session_log_item_session_log_id_fkey" FOREIGN KEY ("session_log_id") REFERENCES "session_log"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_log_item" ADD CONSTRAINT "session_log_item_exercise_id_fkey" FOREIGN KEY ("exercise_id") REFERENCES "exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "red_flag_report" ADD CONSTRAINT "red_flag_report_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "red_flag_report" ADD CONSTRAINT "red_flag_report_check_in_id_fkey" FOREIGN KEY ("check_in_id") REFERENCES "check_in"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_red_flag_report_id_fkey" FOREIGN KEY ("red_flag_report_id") REFERENCES "red_flag_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_session_log_id_fkey" FOREIGN KEY ("session_log_id") REFERENCES "session_log"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clearance" ADD CONSTRAINT "clearance_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clearance" ADD CONSTRAINT "clearance_red_flag_report_id_fkey" FOREIGN KEY ("red_flag_report_id") REFERENCES "red_flag_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clearance" ADD CONSTRAINT "clearance_clinician_id_fkey" FOREIGN KEY ("clinician_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SaferAlternative" ADD CONSTRAINT "_SaferAlternative_A_fkey" FOREIGN KEY ("A") REFERENCES "exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SaferAlternative" ADD CONSTRAINT "_SaferAlternative_B_fkey" FOREIGN KEY ("B") REFERENCES "exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;
