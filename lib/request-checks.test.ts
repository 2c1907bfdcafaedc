import { describe, expect, it } from "vitest";
import { REQUEST_BODY_MAX_BYTES, bodyHasNul, queryHasNul, readBodyWithin } from "./request-checks";

const bytes = (text: string) => new TextEncoder().encode(text);
function stream(chunks: Uint8Array[]) {
  let pulled = 0;
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  return { source, pulled: () => pulled };
}

async function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [key, value] of fields) form.append(key, value);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return {
    body: new Uint8Array(await request.arrayBuffer()),
    type: request.headers.get("content-type")!,
  };
}

describe("a NUL in a query string", () => {
  it.each([
    ["q=%00", true],
    ["q=a%00b&page=1", true],
    ["%00=x", true],
    ["q=%2500", false],
    ["q=back+pain&page=2", false],
  ])("%s: %s", (query, refused) => {
    expect(queryHasNul(new URLSearchParams(query))).toBe(refused);
  });
});

describe("a NUL in a form body", () => {
  it.each([
    ["notes=a%00b", true],
    ["notes=a\u0000b", true],
    ["no%00tes=a", true],
    ["notes=%2500+is+text", false],
  ])("urlencoded %s: %s", async (text, refused) => {
    expect(await bodyHasNul(bytes(text), "application/x-www-form-urlencoded;charset=UTF-8")).toBe(refused);
  });

  it("multipart, in a value or a field name, and not otherwise", async () => {
    const cases: [[string, string][], boolean][] = [
      [[["1_notes", "Felt fine\u0000"]], true],
      [[["no\u0000tes", "x"]], true],
      [
        [
          ["1_notes", "Felt fine"],
          ["0", '["$K1"]'],
        ],
        false,
      ],
    ];
    for (const [fields, refused] of cases) {
      const { body, type } = await multipart(fields);
      expect(await bodyHasNul(body, type), JSON.stringify(fields)).toBe(refused);
    }
  });

  it("a multipart body that cannot be parsed, by its bytes", async () => {
    const type = "multipart/form-data; boundary=x";
    expect(await bodyHasNul(bytes("not multipart at all \u0000"), type)).toBe(true);
    expect(await bodyHasNul(bytes("not multipart at all"), type)).toBe(false);
  });

  it.each([
    ['[{},"a\\u0000b"]', true],
    ['{"k\\u0000":1}', true],
    ["raw \u0000", true],
    ['[{},"a\\\\u0000b"]', false],
    ['["plain"]', false],
  ])("text or JSON %s: %s", async (text, refused) => {
    expect(await bodyHasNul(bytes(text), "text/plain;charset=UTF-8")).toBe(refused);
  });
});

describe("reading a body within the limit", () => {
  it("returns a body at the limit whole, across chunks", async () => {
    const half = new Uint8Array(REQUEST_BODY_MAX_BYTES / 2).fill(97);
    const body = await readBodyWithin(stream([half, half]).source, REQUEST_BODY_MAX_BYTES);
    expect(body).not.toBe("too large");
    expect((body as Uint8Array).byteLength).toBe(REQUEST_BODY_MAX_BYTES);
  });

  it("stops at the first chunk past the limit, with no Content-Length to go by", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const { source, pulled } = stream(Array.from({ length: 160 }, () => chunk)); // 10 MB
    expect(await readBodyWithin(source, REQUEST_BODY_MAX_BYTES)).toBe("too large");
    expect(pulled()).toBeLessThan(10);
  });
});
