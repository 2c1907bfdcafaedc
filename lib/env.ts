import { z } from "zod";

// The one place that reads process.env. Parsed once at start-up so that a missing or malformed setting fails
// loudly at boot instead of on some later request.
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
  AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters" }),
  // Behind a proxy that sets the Host header, or on `next start` without AUTH_URL, next-auth must trust it.
  AUTH_TRUST_HOST: z.stringbool().default(false),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;
