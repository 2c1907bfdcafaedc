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
    // The address people open the app at (https://backcare.example.org). Every link the app hands out, in
    // e-mails and on screen, is built on it and never on a request's Host or X-Forwarded-Host headers.
    // AUTH_URL is read when APP_URL is not set; one of them is required in production.
    APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http:// or https:// URL" }).optional(),
    AUTH_URL: z
      .url({ protocol: /^https?$/, error: "AUTH_URL must be an http:// or https:// URL" })
      .optional(),
    // How many proxies in front of the app append to X-Forwarded-For: 0 (the default) takes the client's
    // address from the connection itself and ignores the header, which any client can write.
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10" })
      .int({ error: "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10" })
      .min(0, { error: "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10" })
      .max(10, { error: "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10" })
      .default(0),
    // Invitations and password resets are e-mailed when this is set (smtp://user:pass@host:port); without
    // it, a clinician sees an invitation or reset link on screen to pass on.
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Backcare <no-reply@backcare.invalid>"),
    // A test switch: "off" makes proxy.ts do nothing, so that e2e/proxy-off.spec.ts can show that every page
    // authorizes on its own. It also drops the security headers, so a production server refuses to start with it.
    BACKCARE_PROXY: z.enum(["on", "off"], { error: "BACKCARE_PROXY must be on or off" }).default("on"),
  })
  .refine((value) => !(value.NODE_ENV === "production" && value.BACKCARE_PROXY === "off"), {
    error: "BACKCARE_PROXY=off is a test switch and is refused under NODE_ENV=production",
    path: ["BACKCARE_PROXY"],
  })
  .refine((value) => value.NODE_ENV !== "production" || value.APP_URL || value.AUTH_URL, {
    error: "APP_URL (or AUTH_URL) is required in production: every link the app sends is built on it",
    path: ["APP_URL"],
  });

export type Environment = z.infer<typeof environmentSchema>;
