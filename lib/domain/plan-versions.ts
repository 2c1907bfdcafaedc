// What each saved version of a plan is now, as the plan history shows it. A version's stored status is the
// plan's status when it was saved; once a later version replaces it, it is superseded. Drafts stay drafts.
// The patient never saw the drafts, so from their point of view the first version they were given is
// version 1: `patientVersion` numbers the versions that were not drafts.

export type PlanStatus = "DRAFT" | "ACTIVE" | "PAUSED" | "COMPLETED";
export type VersionStanding = "draft" | "active" | "paused" | "completed" | "superseded";

/** Labels versions given newest first (as the history lists them) against the plan's current status. */
export function versionStandings<T extends { version: number; status: PlanStatus }>(
  newestFirst: readonly T[],
  planStatus: PlanStatus,
): (T & { standing: VersionStanding; patientVersion: number | null })[] {
  const given = [...newestFirst].sort((a, b) => a.version - b.version).filter((v) => v.status !== "DRAFT");
  const latestGiven = given.at(-1)?.version;
  return newestFirst.map((version) => {
    if (version.status === "DRAFT") return { ...version, standing: "draft", patientVersion: null };
    const patientVersion = given.findIndex((other) => other.version === version.version) + 1;
    const standing: VersionStanding =
      version.version === latestGiven && planStatus !== "DRAFT"
        ? (planStatus.toLowerCase() as VersionStanding)
        : "superseded";
    return { ...version, standing, patientVersion };
  });
}

/** The version number a patient reads for plan version `version`: drafts before it do not count. */
export function patientVersionOf(
  version: number,
  versions: readonly { version: number; status: PlanStatus }[],
): number {
  return versions.filter((other) => other.status !== "DRAFT" && other.version <= version).length;
}
