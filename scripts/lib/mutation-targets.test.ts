import { describe, expect, it } from "vitest";
import { globMatcher, selectTargets } from "./mutation-targets";

describe("the files npm test mutates", () => {
  it.each([
    ["lib/domain/**/*.ts", "lib/domain/red-flags.ts", true],
    ["lib/domain/**/*.ts", "lib/domain/deep/er/rule.ts", true],
    ["lib/domain/**/*.ts", "lib/domainx/rule.ts", false],
    ["lib/domain/**/*.ts", "lib/domain/rule.tsx", false],
    ["lib/auth/totp.ts", "lib/auth/totp.ts", true],
    ["lib/auth/totp.ts", "lib/auth/totpts", false],
  ])("%s selects %s: %s", (pattern, file, selected) => {
    expect(globMatcher(pattern)(file)).toBe(selected);
  });

  it("keeps the covered files that changed, without their tests", () => {
    const patterns = ["lib/domain/**/*.ts", "!lib/domain/**/*.test.ts", "lib/auth/totp.ts"];
    expect(
      selectTargets(
        ["lib/domain/guardrails.ts", "lib/domain/guardrails.test.ts", "lib/auth/totp.ts", "lib/dal/plans.ts"],
        patterns,
      ),
    ).toEqual(["lib/domain/guardrails.ts", "lib/auth/totp.ts"]);
  });
});
