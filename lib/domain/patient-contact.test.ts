import { describe, expect, it } from "vitest";
import { telHref } from "./patient-contact";

describe("telHref", () => {
  it.each([
    ["07700 900123", "tel:07700900123"],
    ["+44 7700 900123", "tel:+447700900123"],
    ["(020) 7946-0018", "tel:02079460018"],
    [" +1 212 555 0100 ", "tel:+12125550100"],
  ])("dials %s as %s", (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});
