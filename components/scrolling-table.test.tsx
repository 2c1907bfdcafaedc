import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScrollingTable } from "./scrolling-table";

describe("ScrollingTable", () => {
  const render = (caption?: string) =>
    renderToStaticMarkup(
      <ScrollingTable label="Staff table" caption={caption} columns={["Name", "Role"]}>
        <tr>
          <td>Robin Patel</td>
          <td>clinician</td>
        </tr>
      </ScrollingTable>,
    );

  it("is a named region that takes keyboard focus, so a narrow screen can scroll it without a mouse", () => {
    expect(render()).toMatch(/^<div[^>]*role="region"[^>]*aria-label="Staff table"[^>]*tabindex="0"/);
  });

  it("heads each column for screen readers and puts the rows in the body", () => {
    const html = render();
    expect(html).toContain('<th scope="col" class="px-3 py-2">Name</th>');
    expect(html).toContain('<th scope="col" class="px-3 py-2">Role</th>');
    expect(html).toMatch(/<tbody><tr><td>Robin Patel<\/td><td>clinician<\/td><\/tr><\/tbody>/);
  });

  it("has a caption only when given one, read by screen readers only", () => {
    expect(render()).not.toContain("<caption");
    expect(render("Staff, by name")).toContain('<caption class="sr-only">Staff, by name</caption>');
  });
});
