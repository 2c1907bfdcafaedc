import commonPasswords from "fxa-common-password-list";

// OWASP ASVS: at least 12 characters, at most 128, no composition rules, and not a known common password.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// commonPasswords: a list of common passwords published for exactly this check, shipped as an npm dependency.

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords.test(password) || commonPasswords.test(lower)) {
    return "That password is too common and easy to guess. Try a few unrelated words.";
  }
  if (context.email && lower.includes(context.email.toLowerCase().split("@")[0]!)) {
    return "Choose a password that does not contain your email address.";
  }
  return null;
}
