-- The version the patient last acknowledged on their page.
ALTER TABLE "plan" ADD COLUMN "patient_seen_version" INTEGER;

-- Each version records the plan's status when it was saved. Versions saved before this column existed were
-- all versions of active plans.
ALTER TABLE "plan_version" ADD COLUMN "status" "PlanStatus" NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE "plan_version" ALTER COLUMN "status" DROP DEFAULT;
