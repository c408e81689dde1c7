// China's statutory holidays and make-up workdays (调休) from the maintained `chinese-days`
// data, bundled at build time. The office edits its Holidays sheet when a new year is published.
import data from "chinese-days/dist/chinese-days.json";
import type { Language } from "../domain/settings";

export interface SeedDay {
  date: string;
  type: "holiday" | "workday";
  name: string;
}

function nameOf(entry: string, language: Language): string {
  const [en, zh] = entry.split(",");
  return (language === "zh-CN" ? zh : en) ?? entry;
}

/** Seed days from `fromYear` on, oldest first. */
export function seedDays(fromYear: number, language: Language): SeedDay[] {
  const days: SeedDay[] = [];
  const take = (map: Record<string, string>, type: SeedDay["type"]) => {
    for (const [date, entry] of Object.entries(map)) {
      if (Number(date.slice(0, 4)) >= fromYear) days.push({ date, type, name: nameOf(entry, language) });
    }
  };
  take(data.holidays, "holiday");
  take(data.workdays, "workday");
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

export function seedYears(): number[] {
  return [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}
