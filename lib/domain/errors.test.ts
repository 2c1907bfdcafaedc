import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";

describe("DomainError", () => {
  it("is an Error with a code, the reader's message and no guardrail issues unless given", () => {
    const error = new DomainError("PLAN_PAUSED", "This plan is paused.");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "DomainError",
      code: "PLAN_PAUSED",
      message: "This plan is paused.",
    });
    expect(error.issues).toEqual([]);
  });
});
