import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Secrets the server must read back (authenticator secrets) are kept encrypted with AES-256-GCM, under a
// key derived from AUTH_SECRET, so a copy of the database alone does not yield them. Rotating AUTH_SECRET
// therefore means enrolling authenticators again; the README says so.
const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "backcare", "totp-secret v1", 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain text, or an error when the box was made with another key or changed since. */
export function open(sealed: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) throw new Error("Unreadable sealed secret.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
