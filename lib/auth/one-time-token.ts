import { createHash, randomBytes } from "node:crypto";

// The tokens of invitation and password-reset links: 256 random bits, in the link as 43 base64url
// characters. Only a SHA-256 of a token is stored: a token cannot be guessed, so a slow hash adds nothing,
// and a copy of the database opens no account.

export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Anything outside these lengths was never a token; pages answer "unknown" without a query. */
export const isTokenShaped = (token: string) => token.length >= 20 && token.length <= 100;
