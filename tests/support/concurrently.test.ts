import { describe, expect, it } from "vitest";
import { concurrently, errors, values } from "./concurrently";

describe("concurrently", () => {
  it("starts every call before any finishes, and returns each outcome in index order", async () => {
    let running = 0;
    let most = 0;
    const outcomes = await concurrently(5, async (index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 10 * (5 - index)));
      running--;
      if (index === 3) throw new Error("refused");
      return index * 2;
    });
    expect(most).toBe(5);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, false, true]);
    expect(errors(outcomes)).toEqual([new Error("refused")]);
    expect(() => values(outcomes)).toThrow("1 of 5 concurrent calls failed:\ncall 3: refused");
    expect(values(outcomes.filter((outcome) => outcome.ok))).toEqual([0, 2, 4, 8]);
  });
});
