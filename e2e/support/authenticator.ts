import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { generateRecoveryCodes, hashRecoveryCode } from "../../lib/auth/recovery-codes";
import { generateTotpSecret, stepAt, totpCode } from "../../lib/auth/totp";
import { authSecret } from "./database";

// An authenticator app for staff whose two-step sign-in the fixtures switch on directly in the database.

/**
 * Seals a secret as lib/auth/secret-box.ts does (that module is server-only). If the two drift apart, the
 * server cannot open the secret and every test that signs in with a seeded authenticator fails.
 */
export function seal(plain: string): string {
  const key = Buffer.from(hkdfSync("sha256", authSecret(), "backcare", "totp-secret v1", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", ...[iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url"))].join(".");
}

/** What an enrolled person has: the app's secret and the recovery codes, plus the last step they used. */
export type Authenticator = { secret: string; recoveryCodes: string[]; lastStep: number | null };

export function newAuthenticator(): Authenticator & { sealed: string; recoveryCodeHashes: string[] } {
  const secret = generateTotpSecret();
  const recoveryCodes = generateRecoveryCodes();
  return {
    secret,
    recoveryCodes,
    lastStep: null,
    sealed: seal(secret),
    recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
  };
}

/** The code a phone shows for `secret`, `offsetSteps` 30-second steps from now. */
export function codeFor(secret: string, offsetSteps = 0): string {
  return totpCode(secret, stepAt(new Date()) + offsetSteps);
}

/**
 * A code the server has not seen yet: it refuses a step at or before the last one it accepted, and accepts
 * one step ahead of now. Waits for the clock in the rare case that both are spent.
 */
export async function freshCode(authenticator: Authenticator): Promise<string> {
  for (;;) {
    const now = stepAt(new Date());
    const step = Math.max(now, (authenticator.lastStep ?? -1) + 1);
    if (step <= now + 1) {
      authenticator.lastStep = step;
      return totpCode(authenticator.secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
