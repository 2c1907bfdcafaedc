import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { generateRecoveryCodes, hashRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  matchTotp,
  otpauthUri,
  stepAt,
  totpCode,
} from "./totp";

// RFC 6238, appendix B: the SHA-1 secret is the ASCII of "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    const at = (seconds: number) => stepAt(new Date(seconds * 1000));
    expect(totpCode(RFC_SECRET, at(59), 8)).toBe("94287082");
    expect(totpCode(RFC_SECRET, at(1111111109), 8)).toBe("07081804");
    expect(totpCode(RFC_SECRET, at(1234567890), 8)).toBe("89005924");
    expect(totpCode(RFC_SECRET, at(20000000000), 8)).toBe("65353130");
    expect(totpCode(RFC_SECRET, at(1234567890))).toBe("005924");
  });

  it("round-trips base32 and makes 160-bit secrets", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(base32Decode("gezd gnbv-gy3t")).toEqual(base32Decode("GEZDGNBVGY3T"));
    expect(() => base32Decode("not base32!")).toThrow("Not a base32 secret.");
  });

  // RFC 4648, section 10, without padding: lengths whose bits do not fill the last character.
  it.each([
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ])("encodes %j as %s", (text, encoded) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
  });

  it("accepts the codes of one step either side of now, and no code twice", () => {
    const now = new Date("2026-11-25T12:00:10Z");
    const step = stepAt(now);
    const secret = generateTotpSecret();
    expect(matchTotp(secret, totpCode(secret, step), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step - 2), now, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step + 2), now, null)).toBeNull();
    // Once a step has been used, neither it nor an earlier one is accepted again.
    expect(matchTotp(secret, totpCode(secret, step), now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step - 1), now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step + 1), now, step)).toBe(step + 1);
    for (const bad of ["", "12345", "1234567", "abcdef", " 123456"]) {
      expect(matchTotp(secret, bad, now, null)).toBeNull();
    }
  });

  it("builds the otpauth link an authenticator app reads", () => {
    const uri = new URL(otpauthUri("Backcare", "robin@clinic.test", "ABC234"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Backcare:robin@clinic.test");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: "ABC234",
      issuer: "Backcare",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});

describe("recovery codes", () => {
  it("are ten distinct random codes whose hash ignores case, spaces and dashes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const [code] = codes as [string];
    expect(hashRecoveryCode(` ${code.toUpperCase().replaceAll("-", " ")} `)).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code)).not.toContain(code.replaceAll("-", ""));
  });

  it("hash the code in lower case, as the codes already stored were hashed", () => {
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
    expect(hashRecoveryCode("ABCD-EFGH-2345")).toBe(sha256("abcdefgh2345"));
  });
});
