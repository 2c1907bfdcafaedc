import { describe, expect, it } from "vitest";
import { MAX_LOCK_MS, lockDurationMs } from "./login-throttle";

describe("lockDurationMs", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [9, 480_000],
    [10, MAX_LOCK_MS],
    [50, MAX_LOCK_MS],
  ])("after %i failures locks for %i ms", (failures, ms) => {
    expect(lockDurationMs(failures)).toBe(ms);
  });
});
