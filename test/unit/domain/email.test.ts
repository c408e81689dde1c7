// Addresses as MailApp will take them: one bad address must be caught where it is typed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAIL_PROBLEMS, emailProblem, isEmail, splitEmails } from "../../../src/domain/email";
import { en, zh } from "../../../src/i18n/values";

describe("email addresses", () => {
  it("accepts ordinary addresses, subdomains, plus tags and surrounding spaces", () => {
    for (const ok of [
      "li@wuye.cn",
      "zhang.san@mail.wuye.com.cn",
      "kefu+digest@wuye.cn",
      "o'brien_2@example.org",
      "LI@WUYE.CN",
      "a@b.co",
      "x@wuye.xn--fiqs8s",
      "  li@wuye.cn ",
    ])
      expect([ok, emailProblem(ok)]).toEqual([ok, null]);
  });

  it("refuses what makes MailApp throw, saying why", () => {
    const cases: [string, string][] = [
      ["", "empty"],
      ["   ", "empty"],
      ["li@wuye.cn。", "fullWidth"],
      ["li@wuye.cn，", "fullWidth"],
      ["li@wuye.cn；", "fullWidth"],
      ["li＠wuye.cn", "fullWidth"],
      ["ｌｉ@wuye.cn", "fullWidth"],
      ["li @wuye.cn", "space"],
      ["li@wuye.cn wang@wuye.cn", "space"],
      ["li\u3000@wuye.cn", "space"],
      ["李@物业.cn", "nonAscii"],
      ["li.wuye.cn", "noAt"],
      ["li@wang@wuye.cn", "manyAt"],
      ["a@b..com", "dots"],
      ["li..si@wuye.cn", "dots"],
      [".li@wuye.cn", "dots"],
      ["li.@wuye.cn", "dots"],
      ["li@wuye.cn.", "dots"],
      ["@wuye.cn", "local"],
      ["li(si)@wuye.cn", "local"],
      ["li@", "domain"],
      ["li@-wuye.cn", "domain"],
      ["li@wu_ye.cn", "domain"],
      ["li@localhost", "noTld"],
      ["li@wuye.c", "noTld"],
      ["li@wuye.123", "noTld"],
      [`${"a".repeat(65)}@wuye.cn`, "tooLong"],
    ];
    for (const [address, problem] of cases)
      expect([address, emailProblem(address)]).toEqual([address, problem]);
    expect(isEmail("a@b..com")).toBe(false);
  });

  it("splits a cell of several addresses into valid ones and refused ones with reasons", () => {
    expect(
      splitEmails(
        "li@wuye.cn, wang@wuye.cn；zhao@wuye.cn、qian@wuye.cn\nsun@wuye.cn  LI@wuye.cn,,a@b..com；zhou@wuye.cn。",
      ),
    ).toEqual({
      valid: ["li@wuye.cn", "wang@wuye.cn", "zhao@wuye.cn", "qian@wuye.cn", "sun@wuye.cn"],
      refused: [
        { text: "a@b..com", problem: "dots" },
        { text: "zhou@wuye.cn。", problem: "fullWidth" },
      ],
    });
    expect(splitEmails("  ")).toEqual({ valid: [], refused: [] });
  });

  it("explains every refusal in both languages", () => {
    for (const problem of EMAIL_PROBLEMS) {
      const key = `email.bad.${problem}` as const;
      expect(en[key]).toBeTruthy();
      expect(zh[key]).toBeTruthy();
    }
  });

  it("accepts only what an address made of safe parts looks like (property)", () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
    const atom = fc.stringMatching(/^[a-z0-9_+-]{1,10}$/);
    const address = fc
      .tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 3 }))
      .map(([local, domain]) => `${local.join(".")}@${domain.join(".")}.cn`);
    fc.assert(
      fc.property(address, fc.constantFrom("。", "，", "；", ".", " x", "@", ""), (a, tail) => {
        expect(isEmail(a)).toBe(true);
        expect(isEmail(a + tail)).toBe(tail === "");
        expect(isEmail(a.replace("@", "@."))).toBe(false);
      }),
    );
  });
});
