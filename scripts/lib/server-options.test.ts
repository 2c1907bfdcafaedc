import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_OPTIONS, serverNodeOptions } from "./server-options";

describe("the production server's Node options", () => {
  it("are the ones `npm start` sets, ahead of the caller's own", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(
      `NODE_OPTIONS="${SERVER_NODE_OPTIONS} $NODE_OPTIONS" node scripts/server.mjs`,
    );
  });

  it("keep whatever NODE_OPTIONS the caller already set", () => {
    expect(serverNodeOptions("--require ./x.cjs")).toBe(`${SERVER_NODE_OPTIONS} --require ./x.cjs`);
    expect(serverNodeOptions(undefined)).toBe(SERVER_NODE_OPTIONS);
    expect(serverNodeOptions("  ")).toBe(SERVER_NODE_OPTIONS);
  });
});
