import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/env", () => ({ env: { AUTH_SECRET: "unit-test-secret-that-is-long-enough-0001" } }));
const { open, seal } = await import("./secret-box");

describe("the secret box", () => {
  it("seals with a fresh nonce each time and opens what it sealed", () => {
    const first = seal("JBSWY3DPEHPK3PXP");
    const second = seal("JBSWY3DPEHPK3PXP");
    expect(first).not.toBe(second);
    expect(first).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(first)).toBe("JBSWY3DPEHPK3PXP");
    expect(open(second)).toBe("JBSWY3DPEHPK3PXP");
    expect(first.split(".")[0]).toBe("v1");
  });

  it("opens a box sealed by an earlier release with the same AUTH_SECRET", () => {
    // Sealed once and kept: a change of key derivation or format would lock out every enrolled authenticator.
    expect(open("v1.LtVNqoIVI4Ye-ilD.I6CCMddpLSgpK0UUtxqNMg.F8jQfVc5-z0zArQH2fWAgQ")).toBe(
      "JBSWY3DPEHPK3PXP",
    );
  });

  it("refuses a box that was changed or is not one", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP");
    const [version, iv, body, tag] = sealed.split(".") as [string, string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => open([version, iv, flipped.toString("base64url"), tag].join("."))).toThrow();
    expect(() => open("v2.a.b.c")).toThrow("Unreadable sealed secret.");
    expect(() => open("plain text")).toThrow("Unreadable sealed secret.");
  });
});
