/**
 * The diff on a realistic release of the Autoenhance document: several changes at once, some
 * inside schemas that many operations share, judged together.
 */
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/diff-spec.js";
import { renderReport } from "../src/report.js";
import { changesetText } from "../src/write-changeset.js";
import { autoenhance, evolveAutoenhance } from "./evolution.js";

const diff = diffSpecs(autoenhance, evolveAutoenhance());
const report = renderReport(diff);
const lines = report.split("\n");

describe("the 2026-11-09 → 2026-12-01 evolution", () => {
  it("calls for a major release of both packages", () => {
    expect(diff.bump).toBe("major");
    expect(diff.clientBump).toBe("major");
    expect(lines[0]).toBe(
      "Autoenhance API document 2026-11-09 → 2026-12-01: major release " +
        "(3 breaking, 3 non-breaking, 2 documentation).",
    );
  });

  it("reports each change once, under its verdict", () => {
    const section = (title: string) => {
      const start = lines.indexOf(`**${title}**`);
      expect(start).toBeGreaterThan(0);
      const end = lines.findIndex((line, i) => i > start + 1 && line === "");
      return lines.slice(start + 2, end);
    };
    expect(section("Breaking changes")).toEqual([
      "- [breaking] `GET /v3/orders/ query parameter per_page` (request): became required",
      '- [breaking] `ImageOut.enhance_type` (response): enum widened: added "authentic"; used by ' +
        "`GET /v3/images/{id}`, `GET /v3/orders/`, `GET /v3/orders/{id}`, `PATCH /v3/orders/{id}` " +
        "and 2 more",
      '- [breaking] `OrderOut.default_image_sort_order` (response): enum widened: added "-custom"; ' +
        "used by `GET /v3/orders/`, `GET /v3/orders/{id}`, `PATCH /v3/orders/{id}`, " +
        "`POST /v3/orders/{id}/process`",
    ]);
    expect(section("Non-breaking changes")).toEqual([
      "- [non-breaking] `GET /v3/orders/{id}/history`: operation added (list_order_history)",
      "- [non-breaking] `OrderIn.callback_url` (request): optional field added; used by " +
        "`PATCH /v3/orders/{id}`, `POST /v3/orders/`",
      '- [non-breaking] `OrderIn.default_image_sort_order` (request): enum widened: added "-custom"; ' +
        "used by `PATCH /v3/orders/{id}`, `POST /v3/orders/`",
    ]);
    expect(section("Documentation only")).toEqual([
      '- [docs] `info.version`: changed from "2026-11-09" to "2026-12-01"',
      "- [docs] `Pagination.next_offset` (response): description changed; used by `GET /v3/orders/`",
    ]);
  });

  it("attributes a change in a nested schema to every operation that reaches it", () => {
    // ImageOut is reached directly, and through OrderOut.images[] and OrdersOut.orders[].
    const enhanceType = diff.changes.find((c) => c.subject === "ImageOut.enhance_type");
    expect(enhanceType?.operations).toEqual([
      "GET /v3/images/{id}",
      "GET /v3/orders/",
      "GET /v3/orders/{id}",
      "PATCH /v3/orders/{id}",
      "POST /v3/images/{id}/process",
      "POST /v3/orders/{id}/process",
    ]);
    expect(lines.slice(lines.indexOf("**Operations affected**") + 2, -1)).toEqual([
      "- `GET /v3/images/{id}`: breaking (1 change)",
      "- `GET /v3/orders/`: breaking (4 changes)",
      "- `GET /v3/orders/{id}`: breaking (2 changes)",
      "- `GET /v3/orders/{id}/history`: non-breaking (1 change)",
      "- `PATCH /v3/orders/{id}`: breaking (4 changes)",
      "- `POST /v3/images/{id}/process`: breaking (1 change)",
      "- `POST /v3/orders/`: non-breaking (2 changes)",
      "- `POST /v3/orders/{id}/process`: breaking (2 changes)",
    ]);
  });

  it("becomes a changeset for both packages with the report as its body", () => {
    const text = changesetText(diff, report);
    expect(text).toBe(
      '---\n"@autoenhance/api-types": major\n"@autoenhance/client": major\n---\n\n' +
        "Update the API types to the Autoenhance API document 2026-12-01 (was 2026-11-09).\n\n" +
        report,
    );
  });

  it("finds nothing between the frozen copy and itself", () => {
    expect(diffSpecs(autoenhance, structuredClone(autoenhance)).changes).toEqual([]);
  });
});
