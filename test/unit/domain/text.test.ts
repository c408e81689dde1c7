// Text rules shared by sheets, dialogs and emails.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatId, highestSeq, parseId } from "../../../src/domain/ids";
import {
  clip,
  escapeHtml,
  looksLikeFormula,
  MAX_CELL_CHARS,
  MAX_SUBJECT_CHARS,
  maskPhone,
  maskPhones,
} from "../../../src/domain/text";

/** The longest run of digits a reader can still see in a masked text. */
const readableDigits = (text: string) => Math.max(0, ...(text.match(/\d+/g) ?? []).map((d) => d.length));

describe("text", () => {
  it("masks a contact field: mobiles keep 3 + 4 digits, landlines and anything else at most 4", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138 1234 5678")).toBe("138****5678");
    expect(maskPhone("0571-8765 4321")).toBe("****4321");
    expect(maskPhone("8765432")).toBe("****5432");
    expect(maskPhone("李先生 13812345678")).toBe("李先生 138****5678");
    expect(maskPhone("12345")).toBe("****45");
    expect(maskPhone("wx_lisi")).toBe("****");
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

describe("phone numbers in free text", () => {
  it("masks mobiles however they are written", () => {
    for (const written of [
      "13812345678",
      "138 1234 5678",
      "138-1234-5678",
      "+86 138 1234 5678",
      "+86-13812345678",
      "8613812345678",
      "008613812345678",
      "＋86 １３８１２３４５６７８",
    ])
      expect(maskPhones(`业主电话${written}，请回电`)).toBe("业主电话138****5678，请回电");
  });

  it("masks 8- and 7-digit landlines, with or without an area code, to their last four digits", () => {
    expect(maskPhones("座机 87654321。")).toBe("座机 ****4321。");
    expect(maskPhones("座机 8765-4321。")).toBe("座机 ****4321。");
    expect(maskPhones("座机 8765432。")).toBe("座机 ****5432。");
    expect(maskPhones("010-87654321")).toBe("****4321");
    expect(maskPhones("0755-8765 4321")).toBe("****4321");
    expect(maskPhones("(0755) 8765 4321")).toBe("****4321");
    expect(maskPhones("（0571）87654321")).toBe("****4321");
    expect(maskPhones("0931-876543")).toBe("0931-876543"); // six digits: no landline
    expect(maskPhones("+86 10 8765 4321")).toBe("****4321");
  });

  it("masks every number in a remark, not only the first", () => {
    expect(maskPhones("先打13812345678，不通再打0571-87654321或139 8765 4321")).toBe(
      "先打138****5678，不通再打****4321或139****4321",
    );
  });

  it("leaves dates, times, IDs, units, amounts and company hotlines as written", () => {
    const text =
      "TS-2026-000123：3栋2单元1201 于 2026-03-05 14:30 报修，费用 350 元，订单 202603051234567，客服 400-820-8820";
    expect(maskPhones(text)).toBe(text);
  });

  it("never lets more than four digits of a landline or 3 + 4 of a mobile be read (property)", () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const sep = fc.constantFrom("", "", " ", "-");
    const group = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));
    const mobile = fc
      .tuple(
        fc.constantFrom("", "+86 ", "86", "0086-"),
        fc.integer({ min: 3, max: 9 }),
        group(1),
        sep,
        group(4),
        sep,
        group(4),
      )
      .map(([cc, second, third, s1, mid, s2, end]) => `${cc}1${second}${third}${s1}${mid}${s2}${end}`);
    const landline = fc
      .tuple(
        fc.constantFrom("", "010-", "021 ", "0755-", "(0571)", "0571"),
        fc.integer({ min: 2, max: 9 }),
        fc.constantFrom(2, 3),
        sep,
      )
      .chain(([area, first, rest, s]) =>
        group(rest).chain((mid) => group(4).map((end) => `${area}${first}${mid}${s}${end}`)),
      );
    const words = fc.constantFrom("", "业主", "电话：", "请回电 ", "，", "。", "call ");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(words, fc.oneof(mobile, landline)), { minLength: 1, maxLength: 4 }),
        (parts) => {
          const text = parts.map(([w, n]) => `${w}${n}`).join("；");
          const masked = maskPhones(text);
          for (const [, n] of parts) expect(masked).not.toContain(n);
          // What stays readable of one number: a mobile's 3 + 4, a landline's 4.
          for (const piece of masked.split("；"))
            expect(piece.replace(/\D/g, "").length).toBeLessThanOrEqual(7);
          expect(readableDigits(masked)).toBeLessThanOrEqual(4);
        },
      ),
    );
  });
});

describe("length cuts", () => {
  it("leaves text that fits alone", () => {
    expect(clip("短标题", MAX_SUBJECT_CHARS)).toBe("短标题");
    expect(clip("x".repeat(250), 250)).toHaveLength(250);
  });

  it("cuts an email subject to 250 characters, ending with …", () => {
    const subject = clip(`【逾期】${"漏水".repeat(200)}`, MAX_SUBJECT_CHARS);
    expect(subject).toHaveLength(250);
    expect(subject.endsWith("…")).toBe(true);
    expect(subject.startsWith("【逾期】漏水漏水")).toBe(true);
  });

  it("never splits an emoji or a rare character in two", () => {
    const text = `${"a".repeat(8)}😀😀`; // the cut at 10 would fall inside the first emoji
    const cut = clip(text, 10);
    expect(cut).toBe(`${"a".repeat(8)}…`);
    expect(cut).toHaveLength(9);
    expect(clip("𠮷𠮷𠮷", 4)).toBe("𠮷…");
  });

  it("fits any text into a cell, whole characters only (property)", () => {
    fc.assert(
      // Plain, CJK and astral characters (two UTF-16 units each), so cuts often fall mid-pair.
      fc.property(
        fc
          .array(fc.constantFrom("a", " ", "漏", "😀", "𠮷"), { maxLength: 300 })
          .map((chars) => chars.join("")),
        fc.integer({ min: 1, max: 300 }),
        (text, max) => {
          const cut = clip(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          if (text.length <= max) expect(cut).toBe(text);
          else expect(cut.endsWith("…")).toBe(true);
          // No lone high surrogate left before the ellipsis.
          expect(/[\ud800-\udbff]…$/.test(cut)).toBe(false);
        },
      ),
    );
    expect(clip("备注".repeat(30_000), MAX_CELL_CHARS)).toHaveLength(MAX_CELL_CHARS);
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
