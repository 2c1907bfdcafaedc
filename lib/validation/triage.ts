import { z } from "zod";

/** The triage list's query string; anything malformed falls back to the default rather than failing. */
export const triageFilterSchema = z.object({
  q: z.string().trim().max(80).optional().catch(undefined),
  status: z.enum(["ACTIVE", "PAUSED_RED_FLAG", "DISCHARGED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
