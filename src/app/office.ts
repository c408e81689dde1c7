// Loads what every use case needs once per run: the office's settings, calendar and language.
// The four configuration sheets (Settings, Categories, Departments, Holidays) change rarely but
// cost a round trip or two each, on every edit and dialog: their cells are kept in the document
// cache for a few minutes. A person's edit of one of them (onEdit) and set-up mark the cache
// stale at once; a change onEdit never sees (a row deleted, a script's write) lasts at most
// CONFIG_TTL_S.
import type { BusinessCalendar } from "../domain/calendar";
import { isDate } from "../domain/dates";
import type { Language, OfficeSettings } from "../domain/settings";
import { utf8Bytes } from "../domain/text";
import { userLocale, utcOffsetMinutes } from "../gas/services";
import { requireColumns, requireSheet } from "../gas/table";
import { languageFromLocale, type Translate, translator } from "../i18n/messages";
import { type Codec, decodeRows, mapHeaders } from "../sheets/codec";
import { SCHEMAS, type SheetSpec } from "../sheets/schema";
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

/** The configuration sheets, whose cells the cache keeps. */
const CONFIG = ["settings", "categories", "departments", "holidays"] as const;
type ConfigId = (typeof CONFIG)[number];
type ConfigCells = Record<ConfigId, unknown[][]>;

/** A few minutes: long enough for a person's burst of edits, short for a change onEdit misses. */
const CONFIG_TTL_S = 300;
/** When the configuration last changed: outlives every cached copy (the cache's 6-hour maximum). */
const EDITED_TTL_S = 21_600;
/** Bump when the cached form changes, so an older deployment's entries are never read. */
const CONFIG_KEY = "office.config.1";
const EDITED_KEY = "office.config.editedAt";
/** The cache refuses values over 100 KB (UTF-8); a larger configuration is simply read each time. */
const MAX_CACHED_BYTES = 90_000;

export interface LoadOptions {
  /**
   * Read the configuration sheets now, and retire every cached copy: set-up, which may just
   * have written them (the next person's action caches them again).
   */
  fresh?: boolean;
}

export function loadOffice(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date,
  options: LoadOptions = {},
): Office {
  const fallback = languageFromLocale(userLocale());
  const provisional = codecFor(fallback, utcOffsetMinutes(ss.getSpreadsheetTimeZone(), now));
  // A fresh read also retires copies that other executions read before it and store after it.
  if (options.fresh) forgetOfficeConfig();
  const cells = options.fresh
    ? readConfig(ss, provisional).cells
    : (cachedConfig(ss, provisional) ?? remembered(readConfig(ss, provisional)));
  const { settings, problems } = readSettings(
    records(SCHEMAS.settings, cells.settings, provisional),
    records(SCHEMAS.categories, cells.categories, provisional),
    records(SCHEMAS.departments, cells.departments, provisional),
    fallback,
    ss.getSpreadsheetTimeZone(),
  );
  const offset = utcOffsetMinutes(settings.timeZone, now);
  const codec = codecFor(settings.language, offset);
  const holidays = records(SCHEMAS.holidays, cells.holidays, codec);
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

/**
 * The configuration changed (a person edited one of its sheets, or set-up wrote it): no copy
 * read before now is used again. Costs one cache write; never fails the edit.
 */
export function forgetOfficeConfig(): void {
  try {
    documentCache().put(EDITED_KEY, String(Date.now()), EDITED_TTL_S);
  } catch (e) {
    console.warn(`Could not mark the office's settings changed: ${messageOf(e)}`);
  }
}

/** The configuration sheets' names (message keys): an edit there calls forgetOfficeConfig. */
export const CONFIG_SHEETS = CONFIG.map((id) => SCHEMAS[id].nameKey);

const documentCache = () => CacheService.getDocumentCache() ?? CacheService.getScriptCache();
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Every configuration sheet's cells as read, header first; a missing sheet or column throws. */
function readConfig(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  codec: Codec,
): { cells: ConfigCells; readAt: number } {
  const readAt = Date.now();
  const out = {} as ConfigCells;
  for (const id of CONFIG) {
    const spec = SCHEMAS[id] as unknown as SheetSpec<unknown>;
    const sheet = requireSheet(ss, spec, codec);
    const values = sheet.getDataRange().getValues();
    requireColumns(
      sheet,
      mapHeaders(spec.columns, values[0] ?? []),
      codec,
      spec.columns.map((c) => c.key),
    );
    out[id] = values;
  }
  return { cells: out, readAt };
}

function records<T>(spec: SheetSpec<T>, values: readonly unknown[][], codec: Codec): T[] {
  const map = mapHeaders(spec.columns, values[0] ?? []);
  return decodeRows(spec, map, values.slice(1), codec).records;
}

/** Cells as JSON: dates as {d: ms}, everything else as it is (text, numbers, booleans). */
const DATE_TAG = "d";

/** Keeps what was read in the cache for the next few minutes' edits and dialogs. */
function remembered({ cells, readAt }: { cells: ConfigCells; readAt: number }): ConfigCells {
  try {
    const text = JSON.stringify({
      at: readAt,
      cells: Object.fromEntries(
        CONFIG.map((id) => [
          id,
          cells[id].map((row) => row.map((v) => (isDate(v) ? { [DATE_TAG]: v.getTime() } : v))),
        ]),
      ),
    });
    if (utf8Bytes(text) <= MAX_CACHED_BYTES) documentCache().put(CONFIG_KEY, text, CONFIG_TTL_S);
  } catch (e) {
    console.warn(`Could not cache the office's settings: ${messageOf(e)}`);
  }
  return cells;
}

/**
 * The cached cells, unless missing, unreadable, or read before the configuration last changed.
 * The sheets must still be there (deleting or renaming one fires no onEdit): looking them up
 * needs no round trip, and a missing one throws as a read would.
 */
function cachedConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, codec: Codec): ConfigCells | null {
  for (const id of CONFIG) requireSheet(ss, SCHEMAS[id] as unknown as SheetSpec<unknown>, codec);
  try {
    const found = documentCache().getAll([CONFIG_KEY, EDITED_KEY]);
    const text = found[CONFIG_KEY];
    if (!text) return null;
    const parsed = JSON.parse(text) as { at: number; cells: Record<string, unknown[][]> };
    // Read before the change was marked: not to be trusted (a read from then on sees it).
    if (Number(found[EDITED_KEY] ?? 0) > parsed.at) return null;
    const out = {} as ConfigCells;
    for (const id of CONFIG) {
      const rows = parsed.cells[id];
      if (!Array.isArray(rows)) return null;
      out[id] = rows.map((row) => row.map(revive));
    }
    return out;
  } catch (e) {
    console.warn(`Could not read the office's cached settings: ${messageOf(e)}`);
    return null;
  }
}

function revive(v: unknown): unknown {
  if (typeof v === "object" && v !== null && DATE_TAG in v)
    return new Date(Number((v as Record<string, unknown>)[DATE_TAG]));
  return v;
}
