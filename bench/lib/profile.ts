// How long and how often each case runs. The full profile is what the README's table comes from; the quick
// profile only shows that every case still runs and produces numbers (it is part of `npm test`).

export type LighthousePage = "/login" | "/patient" | "/clinician";

export type Profile = {
  name: "full" | "quick";
  /** Load runs per case; the median is reported. */
  runs: number;
  /** Length of one load run. */
  seconds: number;
  /** Unmeasured load before a case's runs, so the JIT, the pools and PostgreSQL's caches are warm. */
  warmupSeconds: number;
  /** Lighthouse runs per page; the median is reported. */
  lighthouseRuns: number;
  /** The pages Lighthouse audits. */
  lighthousePages: LighthousePage[];
  /** How long P6's writers raise alerts under load. */
  alertSeconds: number;
  /** Patients whose session logs P4 spreads its load over (each has its own session cookie). */
  loggingPatients: number;
  /** Patients of the 100-patient clinic who write in P6, taking turns (bench/cases/alert-latency.ts). */
  alertPatients: number;
  /** Sequential requests per page whose queries P5 counts (the highest count is reported). */
  queryRequests: number;
};

export const FULL: Profile = {
  name: "full",
  runs: 3,
  seconds: 10,
  warmupSeconds: 5,
  lighthouseRuns: 5,
  lighthousePages: ["/login", "/patient", "/clinician"],
  alertSeconds: 30,
  loggingPatients: 50,
  alertPatients: 40,
  queryRequests: 3,
};

export const QUICK: Profile = {
  name: "quick",
  runs: 1,
  // Long enough that a slow answer (seconds, when the machine is busy with other work) still lands in the run.
  seconds: 4,
  warmupSeconds: 2,
  lighthouseRuns: 1,
  lighthousePages: ["/patient"],
  alertSeconds: 6,
  loggingPatients: 10,
  alertPatients: 40,
  queryRequests: 1,
};

/** Ports and places of the bench's own servers, clear of the ones `npm run dev` and the tests use. */
export const PORTS = {
  app: 3300,
  baseline: 3310,
  dataAccess: 3320,
  chromeDebugging: 9230,
  postgres: 54340,
} as const;
export const DATA_DIR = ".data/bench-postgres";
export const RESULTS_DIR = "bench/results";

/** Connections per case: S, P3 and P4 as the issue fixes them; D at P4's count, since it is P4's yardstick. */
export const CONNECTIONS = { static: 50, baseline: 20, patientPage: 10, sessionLog: 20 } as const;

/** Prisma's pool in the app and the pg.Pool of the D baseline: the same size, so D is a fair yardstick. */
export const POOL_SIZE = 10;

/**
 * Every rate limit is raised this many times for the bench server: P4 sends up to a hundred session logs
 * a minute per patient, far past the 5 a real patient may. The limiter's upsert still runs on every request.
 */
export const RATE_LIMIT_MULTIPLIER = 100;
