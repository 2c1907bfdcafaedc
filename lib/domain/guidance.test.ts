import { describe, expect, it } from "vitest";
import { DISCLAIMER, SESSION_RULES } from "./guidance";

// PRODUCT.md, "Clinical rules": patient-facing guidance carries the disclaimer, and every session follows the
// source document's rules.
describe("patient guidance", () => {
  it("says it does not replace professional medical advice", () => {
    expect(DISCLAIMER).toMatch(/^This guidance does not replace professional medical advice\./);
  });

  it("tells the patient to stop when pain gets worse or spreads", () => {
    expect(SESSION_RULES).toContain("Stop immediately if anything makes the pain worse or makes it spread.");
  });
});
