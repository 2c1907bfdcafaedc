import { z } from "zod";

// What the session cookie carries. Parsed, never trusted as typed: a cookie signed by an older release, or
// missing a field, fails closed.
export const sessionClaimsSchema = z.object({
  id: z.uuid(),
  role: z.enum(["CLINICIAN", "PATIENT", "ADMIN"]),
  clinicId: z.uuid(),
  sessionVersion: z.number().int().positive(),
  /** The AuthSession row of this browser, checked and touched on every request. */
  sid: z.uuid(),
});

export type SessionClaims = z.infer<typeof sessionClaimsSchema>;
