import type { Accounts } from "./context";
import type { Profile } from "./profile";
import { benchClinic } from "./seed-clinics";
import { signIn, signInAll } from "./sign-in";

/** Signs in every account the cases use, over HTTP, each with a session of its own. */
export async function signInAccounts(baseUrl: string, profile: Profile): Promise<Accounts> {
  const numbered = (count: number, email: (n: number) => string) =>
    Array.from({ length: count }, (_, i) => email(i + 1));
  const loggingEmails = numbered(
    profile.loggingPatients,
    (n) => `large.patient${String(n).padStart(4, "0")}@demo.test`,
  );
  const alertEmails = numbered(profile.alertPatients, benchClinic(100).patient);
  const patients = await signInAll(baseUrl, [...loggingEmails, ...alertEmails], "/patient");
  return {
    patient: await signIn(baseUrl, "patient@demo.test", "/patient"),
    largeClinician: await signIn(baseUrl, "large.clinician@demo.test", "/clinician"),
    clinicianOf10: await signIn(baseUrl, benchClinic(10).clinician, "/clinician"),
    clinicianOf100: await signIn(baseUrl, benchClinic(100).clinician, "/clinician"),
    loggingPatients: loggingEmails.map((email) => ({ email, cookie: patients.get(email)! })),
    alertPatients: alertEmails.map((email) => ({ email, cookie: patients.get(email)! })),
  };
}
