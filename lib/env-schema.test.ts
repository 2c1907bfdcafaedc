import { describe, expect, test } from "vitest";
import { environmentSchema } from "./env-schema";

const base = {
  DATABASE_URL: "postgresql://backcare:secret@127.0.0.1:5432/backcare",
  AUTH_SECRET: "a-secret-that-is-long-enough-for-the-schema",
  APP_URL: "https://backcare.example.org",
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

describe("the public address", () => {
  const { APP_URL: _unset, ...withoutAddress } = base;

  test.each([
    ["production", {}, false],
    ["production", { AUTH_URL: "https://backcare.example.org" }, true],
    ["production", { APP_URL: "https://backcare.example.org" }, true],
    ["development", {}, true],
    ["test", {}, true],
  ] as const)("NODE_ENV=%s with %o is accepted: %s", (nodeEnv, address, accepted) => {
    const parsed = environmentSchema.safeParse({ ...withoutAddress, NODE_ENV: nodeEnv, ...address });
    expect(parsed.success).toBe(accepted);
    if (!parsed.success) {
      expect(parsed.error.issues[0]?.message).toBe(
        "APP_URL (or AUTH_URL) is required in production: every link the app sends is built on it",
      );
    }
  });

  test("must be a web address", () => {
    expect(environmentSchema.safeParse({ ...base, APP_URL: "javascript:alert(1)" }).success).toBe(false);
    expect(environmentSchema.safeParse({ ...base, APP_URL: "ftp://example.org" }).success).toBe(false);
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  test.each([
    [undefined, 0],
    ["0", 0],
    ["2", 2],
  ] as const)("%s reads as %d", (value, hops) => {
    expect(environmentSchema.parse({ ...base, TRUSTED_PROXY_HOPS: value }).TRUSTED_PROXY_HOPS).toBe(hops);
  });

  test.each(["-1", "1.5", "eleven", "11"])("%s is refused", (value) => {
    const parsed = environmentSchema.safeParse({ ...base, TRUSTED_PROXY_HOPS: value });
    expect(parsed.success).toBe(false);
  });
});
