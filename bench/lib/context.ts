import type { Profile } from "./profile";

/** The signed-in accounts the cases use, each as its session cookie. */
export type Accounts = {
  /** Alex Morgan, the demo patient with an active plan: P3, P5, P7, P8. */
  patient: string;
  /** large.clinician@demo.test (1,000 patients): P5 and P7. */
  largeClinician: string;
  /** The clinicians of the 10- and 100-patient bench clinics: P5 (and the 100's for P6's alert stream). */
  clinicianOf10: string;
  clinicianOf100: string;
  /** Large-clinic patients P4 spreads its session logs over. */
  loggingPatients: { email: string; cookie: string }[];
  /** Patients of the 100-patient clinic who write P6's check-ins and session logs (bench/lib/writers.ts). */
  alertPatients: { email: string; cookie: string }[];
};

export type CaseContext = {
  profile: Profile;
  baseUrl: string;
  /** The schema owner's URL, for the bench's own reads and resets (never used by the app). */
  ownerUrl: string;
  /** The app's environment (its database role, secret and pool), for servers that run the app's code. */
  appEnv: NodeJS.ProcessEnv;
  accounts: Accounts;
  log: (line: string) => void;
};
