import { describe, expect, it } from "vitest";
import { pickClientAddress } from "./client-address.mjs";

describe("pickClientAddress", () => {
  it.each([
    [
      "no proxy: the connection, whatever the header says",
      "198.51.100.1, 203.0.113.9",
      "10.0.0.5",
      0,
      "10.0.0.5",
    ],
    ["no proxy and no header", undefined, "10.0.0.5", 0, "10.0.0.5"],
    ["one proxy: the entry it appended", "198.51.100.1, 203.0.113.9", "10.0.0.2", 1, "203.0.113.9"],
    [
      "two proxies: the outer one's entry",
      "198.51.100.1, 203.0.113.9, 10.0.0.3",
      "10.0.0.2",
      2,
      "203.0.113.9",
    ],
    ["more hops than entries: the leftmost there is", "203.0.113.9", "10.0.0.2", 3, "203.0.113.9"],
    ["several header lines, as one list", ["198.51.100.1", "203.0.113.9"], "10.0.0.2", 1, "203.0.113.9"],
    ["blank entries are skipped", "203.0.113.9, , ", "10.0.0.2", 1, "203.0.113.9"],
    ["an IPv4 address on a dual-stack socket", undefined, "::ffff:127.0.0.1", 0, "127.0.0.1"],
    ["an IPv6 address as it is", undefined, "2001:db8::1", 0, "2001:db8::1"],
    ["no address at all", undefined, undefined, 0, "unknown"],
  ] as const)("%s", (_label, header, socket, hops, expected) => {
    expect(pickClientAddress(header as string | string[] | undefined, socket, hops)).toBe(expected);
  });
});
