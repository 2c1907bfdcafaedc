import { CredentialsSignin } from "@auth/core/errors";
import { z } from "zod";
import { clientAddress } from "@/lib/client-address";
import { verifyCredentials } from "@/lib/dal/credentials";
import { LIMITS, consume } from "@/lib/dal/rate-limit";

export const credentialsSchema = z
  .object({
    email: z.email({ error: "Enter your email address." }).max(254),
    password: z.string().min(1, { error: "Enter your password." }).max(128),
  })
  .strict();

/** Too many sign-in attempts for this account or from this address; the form says so plainly. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * The Credentials provider's check: parse, count the attempt against the account and the client's address
 * (in PostgreSQL, so every app process shares the counts), then verify the password.
 */
export async function authorizeCredentials(input: Partial<Record<string, unknown>>, request: Request) {
  const parsed = credentialsSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) return null;
  // The connection's address (or a trusted proxy's record of it), never X-Forwarded-For as the client sent it:
  // rotating that header would dodge the limit, and naming a victim's address would lock them out.
  const address = clientAddress(request.headers);
  const withinAccount = await consume(
    `sign-in:account:${parsed.data.email.toLowerCase()}`,
    LIMITS.signInPerAccount,
  );
  const withinAddress = await consume(`sign-in:address:${address}`, LIMITS.signInPerAddress);
  if (!withinAccount || !withinAddress) throw new SignInRateLimited();
  const user = await verifyCredentials(parsed.data.email, parsed.data.password, new Date(), address);
  return user ? { ...user } : null;
}
