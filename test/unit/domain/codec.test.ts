// Rows ⇄ records by header name, in either language, in any column order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHANNELS,
  type Complaint,
  emptyComplaint,
  SEVERITIES,
  STATUSES,
} from "../../../src/domain/complaint";
import { translator } from "../../../src/i18n/messages";
import { type Codec, choiceCode, decodeRows, encodeRow, mapHeaders } from "../../../src/sheets/codec";
import { COMPLAINT_COLUMNS, SCHEMAS } from "../../../src/sheets/schema";

const zh: Codec = { language: "zh-CN", utcOffsetMinutes: 480, t: translator("zh-CN") };
const en: Codec = { language: "en", utcOffsetMinutes: 480, t: translator("en") };

describe("header mapping", () => {
  it("finds columns by either language's header or an alias, in any order", () => {
    const map = mapHeaders(COMPLAINT_COLUMNS, ["Unit", "编号", "电话", "备注"]);
    expect(map.index.get("unit")).toBe(0);
    expect(map.index.get("id")).toBe(1);
    expect(map.index.get("contact")).toBe(2);
    expect(map.unknown).toEqual([{ index: 3, header: "备注" }]);
    expect(map.inOrder).toBe(false);
    expect(map.missing.map((c) => c.key)).toContain("content");
  });
});

describe("choices", () => {
  it("reads labels of both languages back to codes", () => {
    expect(choiceCode("status", "已解决")).toBe("resolved");
    expect(choiceCode("status", "Resolved")).toBe("resolved");
    expect(choiceCode("severity", " 紧急 ")).toBe("urgent");
    expect(choiceCode("status", "Done")).toBeNull();
  });
});

const text = fc.string({ maxLength: 30 });
const minute = fc.integer({
  min: Date.parse("2024-01-01T00:00:00Z") / 60_000,
  max: Date.parse("2027-12-31T00:00:00Z") / 60_000,
});
const optionalDate = fc.option(
  minute.map((m) => new Date(m * 60_000)),
  { nil: null },
);
const complaintArb: fc.Arbitrary<Complaint> = fc
  .record({
    id: fc.integer({ min: 1, max: 999_999 }).map((n) => `TS-2026-${String(n).padStart(6, "0")}`),
    receivedAt: minute.map((m) => new Date(m * 60_000)),
    unit: text,
    owner: text,
    contact: text,
    content: text,
    channel: fc.constantFrom(...CHANNELS),
    severity: fc.constantFrom(...SEVERITIES),
    status: fc.constantFrom(...STATUSES),
    resolvedAt: optionalDate,
    promisedBy: optionalDate,
  })
  .map((over) => ({ ...emptyComplaint(), ...over }));

describe("row codec (property)", () => {
  for (const codec of [zh, en])
    it(`decodes what it encodes (${codec.language}), whatever the column order`, () => {
      fc.assert(
        fc.property(complaintArb, fc.integer({ min: 0, max: 1_000 }), (c, seed) => {
          const headers = COMPLAINT_COLUMNS.map((col) => (codec.language === "zh-CN" ? col.zh : col.en));
          const order = headers
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
          const map = mapHeaders(
            COMPLAINT_COLUMNS,
            order.map((i) => headers[i]),
          );
          const row = encodeRow(SCHEMAS.complaints, map, c, codec);
          const back = decodeRows(SCHEMAS.complaints, map, [row], codec).records[0];
          expect(back).toEqual(c);
        }),
      );
    });

  it("keeps the office's own columns when writing a record back", () => {
    const map = mapHeaders(COMPLAINT_COLUMNS, [...COMPLAINT_COLUMNS.map((c) => c.zh), "回访备注"]);
    const row = encodeRow(SCHEMAS.complaints, map, emptyComplaint(), zh, [
      ...Array(COMPLAINT_COLUMNS.length).fill(""),
      "业主满意",
    ]);
    expect(row.at(-1)).toBe("业主满意");
  });

  it("reports cells it cannot read instead of guessing", () => {
    const map = mapHeaders(
      COMPLAINT_COLUMNS,
      COMPLAINT_COLUMNS.map((c) => c.zh),
    );
    const row = COMPLAINT_COLUMNS.map((c) =>
      c.key === "id"
        ? "TS-2026-000001"
        : c.key === "receivedAt"
          ? "下周一"
          : c.key === "status"
            ? "搞定"
            : "",
    );
    const decoded = decodeRows(SCHEMAS.complaints, map, [row], zh);
    expect(decoded.problems.map((p) => `${p.key}:${p.code}`)).toEqual([
      "receivedAt:badDate",
      "status:badChoice",
    ]);
  });
});
