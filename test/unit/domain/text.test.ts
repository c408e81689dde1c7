// Text rules shared by sheets, dialogs and emails.
import { describe, expect, it } from "vitest";
import { formatId, highestSeq, parseId } from "../../../src/domain/ids";
import { escapeHtml, looksLikeFormula, maskPhone } from "../../../src/domain/text";

describe("text", () => {
  it("masks phone numbers, with or without the country code", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138 1234 5678")).toBe("138****5678");
    expect(maskPhone("0571-8765 4321")).toBe("057****4321");
    expect(maskPhone("")).toBe("");
  });
  it("escapes HTML", () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;",
    );
  });
  it("knows what Sheets would read as a formula", () => {
    expect(["=SUM(A1)", "+86", "-保安", "@物业"].every(looksLikeFormula)).toBe(true);
    expect(looksLikeFormula("3栋=2")).toBe(false);
  });
});

describe("complaint IDs", () => {
  it("formats and parses TS-year-sequence", () => {
    expect(formatId(2026, 123)).toBe("TS-2026-000123");
    expect(parseId("TS-2026-000123")).toEqual({ year: 2026, seq: 123 });
    expect(parseId("TS-26-1")).toBeNull();
  });
  it("continues after the highest used, stored or in the sheet, per year", () => {
    expect(highestSeq(2026, 5, ["TS-2026-000007", "TS-2025-000099", "junk"])).toBe(7);
    expect(highestSeq(2026, 12, ["TS-2026-000007"])).toBe(12);
  });
});
