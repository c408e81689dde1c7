// The settings are declared once (src/sheets/settingList.ts): what set-up seeds, what reading
// gives and what the health check says about a bad value all follow that one list.
import { describe, expect, it } from "vitest";
import { LANGUAGES, type Language } from "../../../src/domain/settings";
import { translator } from "../../../src/i18n/messages";
import { emails, type SettingKind } from "../../../src/sheets/settingKinds";
import { SETTINGS, settingRows } from "../../../src/sheets/settingList";
import { describeProblem, readSettings, requiredProblems } from "../../../src/sheets/settings";

const row = (key: string, value: string) => ({ key, value, note: "" });
const read = (rows: { key: string; value: string; note: string }[], lang: Language = "en") =>
  readSettings(rows, [], [], lang, "Asia/Shanghai");

/**
 * A value each kind refuses (null: every text is a valid value of it). Typed by the kinds'
 * names, so a new kind does not compile until it has its wrong value here.
 */
const WRONG: Record<SettingKind<unknown>["name"], string | null> = {
  text: null,
  list: null,
  email: "wang.jun@greenwood..example",
  emails: "a@office.example, 保安室",
  number: "four",
  integer: "99",
  hour: "24",
  time: "9am",
  zone: "Beijing",
  language: "fr",
  choice: "digits",
};

describe("the declared settings", () => {
  it("have no key or field twice", () => {
    const keys = SETTINGS.map((s) => s.key);
    const fields = SETTINGS.map((s) => s.field);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("are each seeded with a note, in both languages, and read back to their defaults without a problem", () => {
    for (const lang of LANGUAGES) {
      const seeded = settingRows(lang);
      expect(seeded.map((r) => r.key)).toEqual(SETTINGS.map((s) => s.key));
      for (const r of seeded) expect(r.note, r.key).not.toBe("");
      const fromSeed = read(seeded, lang);
      expect(fromSeed.problems).toEqual([]);
      // An empty sheet falls back to the same defaults.
      expect(read([], lang).settings).toEqual(fromSeed.settings);
      expect(fromSeed.settings.language).toBe(lang);
    }
    const { settings } = read(settingRows("zh-CN"), "zh-CN");
    expect(settings).toMatchObject({
      officeName: "物业客服中心",
      timeZone: "Asia/Shanghai",
      dayStartMinutes: 9 * 60,
      dayEndMinutes: 18 * 60,
      managerEmail: "",
      goldenResponseHours: 24,
      digestHour: 8,
      unitMatch: "numbers",
      pauseKinds: ["等待业主", "等待第三方", "等待材料"],
      callbacks: { complaintDays: 1, serviceDays: 3, maxAttempts: 3 },
    });
  });

  it("say that a required setting left empty is missing, and what it is for", () => {
    const { settings } = read(settingRows("zh-CN"), "zh-CN");
    const problems = requiredProblems(settings);
    expect(problems.map((p) => p.where)).toEqual(["manager.email"]);
    expect(describeProblem(translator("zh-CN"), problems[0] ?? { where: "", key: "health.ok" })).toBe(
      "设置“manager.email”：尚未填写，用途：管理处经理邮箱：接收日报和升级提醒。",
    );
    const filled = read([row("manager.email", "manager@office.example")]).settings;
    expect(requiredProblems(filled)).toEqual([]);
  });

  it("report a wrong value of every kind under the setting's key, in both languages, and use the default", () => {
    const defaults = read([]).settings;
    let checked = 0;
    for (const s of SETTINGS) {
      const wrong = WRONG[s.kind.name];
      if (wrong === null) continue;
      checked++;
      const { settings, problems } = read([row(s.key, wrong)]);
      expect(
        problems.map((p) => p.where),
        s.key,
      ).toEqual([s.key]);
      const [problem] = problems;
      if (!problem) continue;
      const en = describeProblem(translator("en"), problem);
      const zh = describeProblem(translator("zh-CN"), problem);
      expect(en, s.key).toContain(`Settings "${s.key}"`);
      expect(en, s.key).toContain(wrong);
      expect(zh, s.key).toContain(`设置“${s.key}”`);
      expect(zh, s.key).toContain(wrong);
      // The Chinese report is Chinese beyond the key and the value.
      expect(zh.replace(s.key, "").replace(wrong, ""), s.key).toMatch(/[\u4e00-\u9fff]/);
      // A malformed address is kept as typed (senders skip it); any other bad value gives way.
      if (s.kind.name !== "email") expect(settings, s.key).toEqual(defaults);
    }
    expect(checked).toBe(SETTINGS.filter((s) => WRONG[s.kind.name] !== null).length);
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it("read an address list with its malformed addresses named and kept last", () => {
    const result = emails().read("保安室, a@office.example、b@office.example", "", {
      fallbackLanguage: "en",
      fallbackZone: "Asia/Shanghai",
    });
    expect(result.value).toEqual(["a@office.example", "b@office.example", "保安室"]);
    expect(result.problems).toEqual([{ key: "email.bad.nonAscii", params: { email: "保安室" } }]);
  });

  it("take whole numbers where a count is meant, and keep business hours in order", () => {
    expect(read([row("callback.maxAttempts", "2.5")]).settings.callbacks.maxAttempts).toBe(2);
    expect(read([row("digest.hour", "23")]).settings.digestHour).toBe(23);
    const shut = read([row("hours.open", "18:00"), row("hours.close", "09:00")]);
    expect(shut.problems.map((p) => p.key)).toEqual(["settings.closesBeforeOpen"]);
    expect([shut.settings.dayStartMinutes, shut.settings.dayEndMinutes]).toEqual([540, 1080]);
  });

  it("take the language from Settings first, so the other defaults follow it", () => {
    const { settings } = read([row("office.language", "zh-CN")], "en");
    expect(settings.language).toBe("zh-CN");
    expect(settings.officeName).toBe("物业客服中心");
    const bad = read([row("office.language", "fr")], "en");
    expect(bad.settings.language).toBe("en");
    expect(bad.settings.officeName).toBe("Property service centre");
  });
});
