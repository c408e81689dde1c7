// Units matched by their numbers, and owner lists read with every refusal explained.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../../src/domain/csv";
import { emptyOwner, type Owner, ownerChanges, planImport } from "../../../src/domain/owners";
import { checkUnit, unitKey, unitPattern, unitRegistry } from "../../../src/domain/units";

/** Building, entrance and room numbers of a unit. */
const unitArb = fc.tuple(
  fc.integer({ min: 1, max: 30 }),
  fc.integer({ min: 1, max: 6 }),
  fc.integer({ min: 101, max: 3404 }),
);

describe("unit matching", () => {
  it("treats the office's spellings of one unit as the same unit (property)", () => {
    const n = fc.integer({ min: 1, max: 60 });
    const room = fc.integer({ min: 101, max: 3404 });
    fc.assert(
      fc.property(n, n, room, (b, e, r) => {
        const spellings = [
          `${b}栋${e}单元${r}`,
          `${b}-${e}-${r}`,
          `${b}#${e}-${r}`,
          ` ${b} 栋 ${e} 单元 ${r} `,
          `${b}栋${e}单元${r}`.normalize("NFKC"),
        ];
        const fullWidth = `${b}-${e}-${r}`.replace(/[0-9-]/g, (c) =>
          String.fromCharCode(c.charCodeAt(0) + 0xfee0),
        );
        for (const s of [...spellings, fullWidth]) expect(unitKey(s)).toBe(`${b}-${e}-${r}`);
      }),
    );
  });

  it("keeps different units apart (property)", () => {
    fc.assert(
      fc.property(unitArb, unitArb, ([b1, e1, r1], [b2, e2, r2]) => {
        fc.pre(b1 !== b2 || e1 !== e2 || r1 !== r2);
        expect(unitKey(`${b1}栋${e1}单元${r1}`)).not.toBe(unitKey(`${b2}栋${e2}单元${r2}`));
      }),
    );
  });

  it("finds every spelling of a unit with one search pattern, and no other unit (property)", () => {
    fc.assert(
      fc.property(unitArb, unitArb, ([b, e, r], [b2, e2, r2]) => {
        const pattern = new RegExp(unitPattern(`${b}-${e}-${r}`), "i");
        const fullWidth = `${b}-${e}-${r}`.replace(/[0-9-]/g, (c) =>
          String.fromCharCode(c.charCodeAt(0) + 0xfee0),
        );
        for (const s of [
          `${b}栋${e}单元${r}`,
          `${b}-${e}-${r}`,
          `${b}#${e}-${r}`,
          `0${b}栋${e}单元${r}室`,
          fullWidth,
        ])
          expect(s).toMatch(pattern);
        fc.pre(b !== b2 || e !== e2 || r !== r2);
        expect(`${b2}栋${e2}单元${r2}`).not.toMatch(pattern);
      }),
    );
    expect("商铺 a").toMatch(new RegExp(unitPattern("商铺A"), "i"));
    expect("商铺A1").not.toMatch(new RegExp(unitPattern("商铺A"), "i"));
  });

  it("knows registered units and suggests the registry's spelling for a near miss", () => {
    const registry = unitRegistry(["3栋2单元1201", "商铺A"]);
    expect(checkUnit("3栋2单元1201", registry)).toEqual({ known: true, suggestion: "" });
    expect(checkUnit("3-2-1201", registry)).toEqual({ known: false, suggestion: "3栋2单元1201" });
    expect(checkUnit("9-9-999", registry)).toEqual({ known: false, suggestion: "" });
  });
});

describe("owner lists", () => {
  const fields: Record<string, keyof Owner> = {
    房号: "unit",
    业主: "names",
    电话: "phones",
    联系方式: "channel",
    重点业主: "keyOwner",
    备注: "notes",
  };
  const header = (h: string) => fields[h] ?? null;
  const channel = (raw: string) =>
    ["电话", "微信"].includes(raw) ? (raw === "电话" ? "phone" : "wechat") : null;
  const flag = (raw: string) => (raw === "是" ? "yes" : raw === "否" ? "no" : null);

  it("reads pasted tab-separated rows and quoted CSV exactly", () => {
    expect(parseTable("房号\t电话\n3栋2单元1201\t+86 138 0013 8000\n")).toEqual([
      ["房号", "电话"],
      ["3栋2单元1201", "+86 138 0013 8000"],
    ]);
    expect(parseTable('\uFEFF房号,备注\r\n"3-2-1201","说 ""你好"", 换行\n也保留"\r\n')).toEqual([
      ["房号", "备注"],
      ["3-2-1201", '说 "你好", 换行\n也保留'],
    ]);
  });

  it("refuses rows without a unit, repeated units, unknown channels and flags, and marks updates", () => {
    const table = parseTable(
      [
        "房号,业主,电话,联系方式,重点业主",
        "3栋2单元1201,王,0571-88776655,电话,是",
        ",李,139,,",
        "3-2-1201,王二,,,",
        "5栋1单元0101,赵,,飞鸽,",
        "6栋1单元0101,钱,,,也许",
        "7栋1单元0101,孙,,微信,否",
      ].join("\n"),
    );
    const plan = planImport(table, [{ ...emptyOwner(), unit: "7-1-101" }], header, channel, flag);
    expect(plan.rows.map((r) => [r.line, r.problem, r.updates])).toEqual([
      [2, null, false],
      [3, "missingUnit", false],
      [4, "duplicateInFile", false],
      [5, "unknownChannel", false],
      [6, "unknownFlag", false],
      [7, null, true],
    ]);
    expect(plan.rows[2]?.firstLine).toBe(2);
    expect(plan.rows[0]?.owner).toMatchObject({ phones: "0571-88776655", channel: "phone", keyOwner: "yes" });
  });

  it("updates only the cells the list fills in and changes, in the registry's first row of the unit", () => {
    const registry: Owner[] = [
      { ...emptyOwner(), names: "无房号业主", phones: "13700000000", notes: "房号待确认" },
      { ...emptyOwner(), unit: "3栋2单元1201", names: "王", phones: "139", channel: "phone" },
      { ...emptyOwner(), unit: "3-2-1201", names: "王（旧）" },
    ];
    const table = parseTable("房号,业主,电话,联系方式\n3-2-1201,王,138,\n3栋2单元1201,,,\n9-9-909,钱,,");
    const plan = planImport(table, registry, header, channel, flag);
    expect(plan.rows.map((r) => [r.line, r.problem, r.target, r.changes])).toEqual([
      [2, null, 1, ["phones"]],
      [3, "duplicateInFile", undefined, []],
      [4, null, undefined, []],
    ]);
    expect(ownerChanges(registry[1] as Owner, plan.rows[0]?.owner as Owner)).toEqual({ phones: "138" });
  });

  it("refuses a list without a unit column", () => {
    expect(
      planImport(
        [
          ["业主", "电话"],
          ["王", "139"],
        ],
        [],
        header,
        channel,
        flag,
      ),
    ).toEqual({ rows: [], missingColumns: ["unit"] });
  });
});
