import { describe, expect, test } from "vitest";
import { environmentSchema } from "./env-schema";

const base = {
  DATABASE_URL: "postgresql://backcare:secret@127.0.0.1:5432/backcare",
  AUTH_SECRET: "a-secret-that-is-long-enough-for-the-schema",
};

describe("the proxy test switch", () => {
  test.each([
    ["production", undefined, true],
    ["production", "on", true],
    ["production", "off", false],
    ["test", "off", true],
    ["development", "off", true],
  ] as const)("NODE_ENV=%s with BACKCARE_PROXY=%s is accepted: %s", (nodeEnv, proxy, accepted) => {
    const parsed = environmentSchema.safeParse({ ...base, NODE_ENV: nodeEnv, BACKCARE_PROXY: proxy });
    expect(parsed.success).toBe(accepted);
    if (!parsed.success) {
      expect(parsed.error.issues[0]?.message).toBe(
        "BACKCARE_PROXY=off is a test switch and is refused under NODE_ENV=production",
      );
    }
  });

  test("defaults to on", () => {
    expect(environmentSchema.parse({ ...base, NODE_ENV: "production" }).BACKCARE_PROXY).toBe("on");
  });
});
