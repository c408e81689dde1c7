// Time-zone names: Java (behind Utilities.formatDate) quietly reads an unknown name as GMT,
// so only real zone IDs are taken from Settings; anything else is reported and not used.
import { describe, expect, it } from "vitest";
import { isTimeZoneId } from "../../../src/domain/settings";
import { readSettings } from "../../../src/sheets/settings";

const row = (key: string, value: string) => ({ key, value, note: "" });

describe("office.timeZone", () => {
  it("accepts zone IDs and refuses city names, offsets and misspellings", () => {
    for (const zone of [
      "Asia/Shanghai",
      "Asia/Hong_Kong",
      "America/Argentina/Buenos_Aires",
      "UTC",
      "Etc/GMT-8",
    ])
      expect(isTimeZoneId(zone), zone).toBe(true);
    for (const zone of ["Beijing", "UTC+8", "GMT+8", "+08:00", "Asia/Beijing", "asia/shanghai", "", "CST"])
      expect(isTimeZoneId(zone), zone).toBe(false);
  });

  it("keeps the spreadsheet's zone (or Asia/Shanghai) and reports the bad name", () => {
    const bad = readSettings([row("office.timeZone", "UTC+8")], [], [], "zh-CN", "Asia/Hong_Kong");
    expect(bad.settings.timeZone).toBe("Asia/Hong_Kong");
    expect(bad.problems).toEqual([
      {
        where: "office.timeZone",
        key: "settings.badTimeZone",
        params: { value: "UTC+8", used: "Asia/Hong_Kong" },
      },
    ]);
    expect(
      readSettings([row("office.timeZone", "Beijing")], [], [], "en", "Nowhere/Land").settings.timeZone,
    ).toBe("Asia/Shanghai");
    const good = readSettings([row("office.timeZone", "Europe/London")], [], [], "en");
    expect(good.settings.timeZone).toBe("Europe/London");
    expect(good.problems).toEqual([]);
  });
});
