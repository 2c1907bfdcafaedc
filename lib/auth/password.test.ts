import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashForUnknownUser, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the password it hashed and nothing else", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(hash).not.toContain("correct horse");
    await expect(verifyPassword("correct horse battery staple", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct horse battery stapler", hash)).resolves.toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("refuses a malformed stored hash", async () => {
    await expect(verifyPassword("anything", "plain-text")).resolves.toBe(false);
  });

  // Each stored hash below is a real one with one part blanked or changed; without the format check, an empty
  // key would match every password, and an empty salt one made with no salt.
  const password = "correct horse battery staple";
  const stored = hashPassword(password);
  it.each([
    ["another scheme", 0, "argon2id"],
    ["no cost N", 1, ""],
    ["no block size r", 2, ""],
    ["no parallelism p", 3, ""],
    ["no salt", 4, ""],
    ["no key", 5, ""],
  ])("refuses a stored hash with %s", async (_label, index, value) => {
    const parts = (await stored).split("$");
    parts[index] = value;
    if (index === 4) {
      const unsalted = scryptSync(password, Buffer.alloc(0), 64, { N: 2 ** 15, r: 8, p: 3, maxmem: 2 ** 27 });
      parts[5] = unsalted.toString("base64url");
    }
    await expect(verifyPassword(password, parts.join("$"))).resolves.toBe(false);
  });

  it("verifies unknown emails against one throwaway hash that no password matches", async () => {
    const dummy = hashForUnknownUser();
    expect(hashForUnknownUser()).toBe(dummy);
    expect(await dummy).toMatch(/^scrypt\$32768\$8\$3\$/);
    await expect(verifyPassword("", await dummy)).resolves.toBe(false);
  });
});
