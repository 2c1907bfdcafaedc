import { createHash, randomBytes } from "node:crypto";
import { base32Encode } from "./totp";

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of 12 base32 characters (60 random bits each), shown as xxxx-xxxx-xxxx. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = base32Encode(randomBytes(8)).slice(0, 12).toLowerCase();
    return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toLowerCase();
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}
