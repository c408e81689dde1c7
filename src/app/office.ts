// Loads what every use case needs once per run: the office's settings, calendar and language.
import type { BusinessCalendar } from "../domain/calendar";
import type { Language, OfficeSettings } from "../domain/settings";
import { userLocale, utcOffsetMinutes } from "../gas/services";
import { readTable } from "../gas/table";
import { languageFromLocale, type Translate, translator } from "../i18n/messages";
import type { Codec } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { buildCalendar, readSettings, type SettingsProblem } from "../sheets/settings";
import { currentUser, userLabel } from "./identity";

export interface Office {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  now: Date;
  settings: OfficeSettings;
  calendar: BusinessCalendar;
  language: Language;
  t: Translate;
  codec: Codec;
  user: string;
  problems: SettingsProblem[];
}

export function codecFor(language: Language, offset: number): Codec {
  return { language, utcOffsetMinutes: offset, t: translator(language) };
}

export function loadOffice(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date): Office {
  const fallback = languageFromLocale(userLocale());
  const provisional = codecFor(fallback, utcOffsetMinutes(ss.getSpreadsheetTimeZone(), now));
  const settingRows = readTable(ss, SCHEMAS.settings, provisional).records;
  const categories = readTable(ss, SCHEMAS.categories, provisional).records;
  const departments = readTable(ss, SCHEMAS.departments, provisional).records;
  const { settings, problems } = readSettings(
    settingRows,
    categories,
    departments,
    fallback,
    ss.getSpreadsheetTimeZone(),
  );
  const offset = utcOffsetMinutes(settings.timeZone, now);
  const codec = codecFor(settings.language, offset);
  const holidays = readTable(ss, SCHEMAS.holidays, codec).records;
  return {
    ss,
    now,
    settings,
    calendar: buildCalendar(settings, holidays, offset),
    language: settings.language,
    t: codec.t,
    codec,
    user: userLabel(currentUser(now.getTime()), codec.t),
    problems,
  };
}
