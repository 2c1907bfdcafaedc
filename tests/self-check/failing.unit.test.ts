import { expect, test } from "vitest";

// Fails on purpose: see tests/self-check/README.md.
test("self-check: a failing unit test", () => {
  expect(1 + 1).toBe(3);
});
