import { z } from "zod";

// What the application reads from its environment, and the rules between settings. Kept apart from
// lib/env.ts, which parses process.env once at start-up, so that the rules can be tested on their own.
export const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
    AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters" }),
    // Behind a proxy that sets the Host header, or on `next start` without AUTH_URL, next-auth must trust it.
    AUTH_TRUST_HOST: z.stringbool().default(false),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    // Scales every rate limit. The end-to-end suite signs the same demo accounts in dozens of times a minute
    // from one address and raises it; leave it at 1 anywhere people use the app.
    RATE_LIMIT_MULTIPLIER: z.coerce.number().int().min(1).max(1000).default(1),
    // Invitations are emailed when this is set (smtp://user:pass@host:port), and shown on screen otherwise.
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Backcare <no-reply@backcare.invalid>"),
    // A test switch: "off" makes proxy.ts do nothing, so that e2e/proxy-off.spec.ts can show that every page
    // authorizes on its own. It also drops the security headers, so a production server refuses to start with it.
    BACKCARE_PROXY: z.enum(["on", "off"], { error: "BACKCARE_PROXY must be on or off" }).default("on"),
  })
  .refine((value) => !(value.NODE_ENV === "production" && value.BACKCARE_PROXY === "off"), {
    error: "BACKCARE_PROXY=off is a test switch and is refused under NODE_ENV=production",
    path: ["BACKCARE_PROXY"],
  });

export type Environment = z.infer<typeof environmentSchema>;
