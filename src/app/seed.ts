// Fills the office's lists on first set-up, and adds what later versions or years bring:
// missing setting keys, holiday years the office does not have yet. Never overwrites: each
// append (under set-up's lock) goes after the last row holding anything, found right before
// writing, so a row someone typed since the check read the sheet is kept.
import { appendRecords } from "../gas/append";
import { readTable } from "../gas/table";
import type { Codec } from "../sheets/codec";
import { defaultCategories, defaultDepartments } from "../sheets/defaults";
import { seedDays, seedYears } from "../sheets/holidaySeed";
import { type HolidayRow, SCHEMAS } from "../sheets/schema";
import { SETTINGS, settingRows } from "../sheets/settingList";
import type { Finding } from "./findings";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `freshSettings`: the Settings sheet was just created, so its defaults need no separate report. */
export function checkSeeds(
  ss: Spreadsheet,
  codec: Codec,
  currentYear: number,
  findings: Finding[],
  freshSettings = false,
) {
  const { t, language } = codec;
  const settings = readTable(ss, SCHEMAS.settings, codec);
  const have = new Set(settings.records.map((r) => r.key.trim()));
  const missing = SETTINGS.filter((d) => !have.has(d.key));
  if (missing.length)
    findings.push({
      problem: t("health.missingSettings", { keys: missing.map((m) => m.key).join(", ") }),
      done: t("setup.addedSettings", { keys: missing.map((m) => m.key).join(", ") }),
      quiet: freshSettings,
      fix: () =>
        appendRecords(
          settings.sheet,
          SCHEMAS.settings,
          codec,
          settingRows(language).filter((row) => !have.has(row.key)),
        ),
    });

  const departments = readTable(ss, SCHEMAS.departments, codec);
  if (!departments.records.length)
    findings.push({
      problem: t("health.emptyList", { sheet: departments.name }),
      done: t("setup.seeded", { sheet: departments.name }),
      fix: () => appendRecords(departments.sheet, SCHEMAS.departments, codec, defaultDepartments(language)),
    });
  const categories = readTable(ss, SCHEMAS.categories, codec);
  if (!categories.records.length)
    findings.push({
      problem: t("health.emptyList", { sheet: categories.name }),
      done: t("setup.seeded", { sheet: categories.name }),
      fix: () => appendRecords(categories.sheet, SCHEMAS.categories, codec, defaultCategories(language)),
    });

  const holidays = readTable(ss, SCHEMAS.holidays, codec);
  const yearOf = (d: Date) =>
    Number(new Date(d.getTime() + codec.utcOffsetMinutes * 60_000).toISOString().slice(0, 4));
  const covered = new Set(holidays.records.flatMap((h) => (h.date ? [yearOf(h.date)] : [])));
  const years = seedYears().filter((y) => y >= currentYear - 1 && !covered.has(y));
  if (years.length) {
    const days = seedDays(currentYear - 1, language).filter((d) =>
      years.includes(Number(d.date.slice(0, 4))),
    );
    findings.push({
      problem: t("health.seedableHolidays", { years: years.join(", ") }),
      done: t("setup.seededHolidays", { count: days.length, years: years.join(", ") }),
      fix: () =>
        appendRecords<HolidayRow>(
          holidays.sheet,
          SCHEMAS.holidays,
          codec,
          days.map((d) => ({
            // A calendar day, stored at the office's midnight.
            date: new Date(Date.parse(`${d.date}T00:00:00Z`) - codec.utcOffsetMinutes * 60_000),
            type: d.type,
            name: d.name,
          })),
        ),
    });
  }
}
