// Telling a header row from a record, and which header to put back over headerless data.
import { describe, expect, it } from "vitest";
import { headerForData, looksLikeHeader } from "../../../src/app/setup/headerRow";
import { COMPLAINT_COLUMNS, SCHEMAS } from "../../../src/sheets/schema";

const complaints = SCHEMAS.complaints as unknown as Parameters<typeof looksLikeHeader>[0];
const settings = SCHEMAS.settings as unknown as Parameters<typeof looksLikeHeader>[0];
const zh = COMPLAINT_COLUMNS.map((c) => c.zh);
const record = [
  "TS-2026-000001",
  new Date("2026-03-02T01:00:00Z"),
  "li.na@greenwood-pm.example",
  "电话", // also an alias of the Contact column's header: one match does not make a header
  "3栋2单元1201",
  "王先生",
  "13812345678",
  "漏水",
  "紧急",
];

describe("header rows", () => {
  it("recognises the header in either language, with aliases or a few renamed columns", () => {
    expect(looksLikeHeader(complaints, zh)).toBe(true);
    expect(
      looksLikeHeader(
        complaints,
        COMPLAINT_COLUMNS.map((c) => c.en),
      ),
    ).toBe(true);
    const renamed = [...zh];
    renamed[4] = "房间号";
    renamed[10] = "内容说明";
    renamed[12] = "处理状态";
    expect(looksLikeHeader(complaints, renamed)).toBe(true);
    expect(looksLikeHeader(settings, ["设置项", "值", "说明"])).toBe(true);
  });

  it("does not take a record, or a settings row, for a header", () => {
    expect(looksLikeHeader(complaints, record)).toBe(false);
    expect(looksLikeHeader(settings, ["office.name", "物业客服中心", "用于邮件和报告的抬头。"])).toBe(false);
    expect(looksLikeHeader(complaints, [])).toBe(false);
  });

  it("puts back the remembered order when it fits the data better than the standard one", () => {
    const swapped = [...zh];
    [swapped[5], swapped[6]] = [zh[6] ?? "", zh[5] ?? ""];
    const rows = [record];
    expect(headerForData(complaints, "zh-CN", swapped, rows)).toEqual(swapped);
    expect(headerForData(complaints, "zh-CN", undefined, rows)).toEqual(zh);
    // A remembered order that fits worse (dates where a choice belongs) loses to the standard one.
    const wrong = [...zh];
    [wrong[1], wrong[3]] = [zh[3] ?? "", zh[1] ?? ""];
    expect(headerForData(complaints, "zh-CN", wrong, rows)).toEqual(zh);
  });
});
