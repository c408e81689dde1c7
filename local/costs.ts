// What each Apps Script operation is modelled to cost, in one place, with the published
// figure (or the plain assumption) behind every number. The Meter charges executions with
// it; the bench prints both bands; a parity run on real Apps Script re-fits it.
//
// Published measurements are few, old and noisy. Where none exists the figure is an
// assumption and says so. Sources are keyed in SOURCES and cited beside each constant.

/** Where a figure comes from. `date` is the publication date as far as the page shows it. */
export interface Source {
  /** How the cost table cites it. */
  short: string;
  title: string;
  url: string;
  date: string;
}

export const SOURCES = {
  mogsdad: {
    short: "Stack Overflow, 2013",
    title: 'Stack Overflow answer "What is faster: ScriptDb or SpreadsheetApp?" (400 rows × 10 cells)',
    url: "https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp",
    date: "2013 (ScriptDb era; copy of the Stack Overflow answer)",
  },
  googleBlog: {
    short: "Google blog, 2010",
    title: 'Google Apps Script blog, "Optimizing Spreadsheet Operations"',
    url: "http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html",
    date: "2010-06-01",
  },
  bestPractices: {
    short: "Google best practices",
    title: "Google, Apps Script best practices (batch operations; alternating reads and writes is slow)",
    url: "https://developers.google.com/apps-script/guides/support/best-practices",
    date: "current page, undated",
  },
  bugbugnow: {
    short: "bugbugnow, 2019",
    title: "bugbugnow.net, GoogleAppsScriptのスプレッドシート処理を高速化する (1,000-row timings)",
    url: "https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html",
    date: "2019-03",
  },
  ziritione: {
    short: "ziritione.org",
    title: "Luis Peralta, Google Apps Script APIs performance (100 runs: min/avg/max)",
    url: "https://ziritione.org/post/apps_script_performance",
    date: "undated in the stored copy",
  },
  poehnelt: {
    short: "Poehnelt",
    title: "Justin Poehnelt (Google), Storage Wars: CacheService vs PropertiesService vs Firestore",
    url: "https://justin.poehnelt.com/posts/apps-script-key-value-stores",
    date: "undated in the stored copy",
  },
  smallOutbox: {
    short: "Small Outbox FAQ",
    title: "Small Outbox add-on FAQ (MailApp send time by message size)",
    url: "https://sites.google.com/quickfixters.com/add-onsuniverse/faq",
    date: "undated",
  },
  tanaike: {
    short: "Tanaike, 2022",
    title: 'Kanshi Tanaike, Benchmark: process costs … ("the processing time is not stable")',
    url: "https://tanaikech.github.io/2022/09/12/benchmark-process-costs-for-checking-value-in-array-using-google-apps-script/",
    date: "2022-09-12",
  },
  none: { short: "assumption", title: "no published figure found: assumption", url: "", date: "" },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;

/** What a call does to the document, which decides how it is charged. */
export type Io =
  | "handle" // builds an object locally (getRange, getSheetByName): no round trip
  | "read" // fetches cells or sheet state: commits pending writes first
  | "write" // buffered in the write cache: paid for when flushed
  | "flush" // commits the write cache
  | "scan" // TextFinder: a read whose cost grows with the cells searched
  | "call"; // any other service call

/** Which part of a cell a range call touches; each has its own per-cell cost. */
export type Family = "values" | "display" | "formats" | "validation" | "notes" | "structure";

export interface Operation {
  io: Io;
  family: Family;
}

export interface CostModel {
  /** Base ms of one call by exact key ("SpreadsheetApp.Range.getValues"); wins over the class rules. */
  perCallMs: Record<string, number>;
  /** Base ms by kind of Spreadsheet call, for keys not in perCallMs. */
  spreadsheetBaseMs: Record<Exclude<Io, "flush" | "call">, number>;
  /** Base ms of any other call not listed. */
  defaultMs: number;
  /** Extra ms per cell read, by family. */
  readPerCellMs: Record<Family, number>;
  /** Extra ms per cell written (into the write cache), by family. */
  writePerCellMs: Record<Family, number>;
  /** A flush (explicit, or forced by a read after a write, or at the end): base + per pending cell. */
  flushBaseMs: number;
  flushPerCellMs: number;
  /** TextFinder: extra ms per cell searched. */
  scanPerCellMs: number;
  /** The pessimistic band is the calibrated time times this. */
  pessimisticMultiplier: number;
}

/** One row of the README's cost table: what was published, and what the model charges. */
export interface Figure {
  operation: string;
  published: string;
  model: string;
  source: SourceKey;
}

// ---- Spreadsheet service ---------------------------------------------------------------

/** Cell writes are buffered; a 4,000-cell setValues took "less than 50 ms" and 400 ten-cell
 * setValues took 164 ms (mogsdad, 2013). Fit: 0.29 ms + 4,000 c = 50 ms; 0.29 + 10 c = 0.41. */
const WRITE_CALL_MS = 0.4;
const WRITE_VALUE_CELL_MS = 0.0124;

/** flush() after the 4,000-cell write raised 50 ms to 610 ms; a flush after each of the 400
 * ten-cell rows made the loop "almost 12 seconds" (mogsdad, 2013): ≈ 30 ms per small flush.
 * Fit: 30 ms + 0.14 ms per pending cell (4,000 cells → 590 ms; 10 cells → 31 ms). */
const FLUSH_BASE_MS = 30;
const FLUSH_CELL_MS = 0.14;

/** A read is a round trip unless the look-ahead cache has it. The 2019 bulk example (1,000-cell
 * getValues + setValues) left ≈ 100 ms for the read after subtracting the rest; getLastRow()
 * called 1,000 times took 160 s, 160 ms a call (bugbugnow, 2019). */
const READ_CALL_MS = 100;
const SHEET_EXTENT_MS = 160;

/** No published figure for reading large ranges: assumed the same order as writing (≈ 10 µs a
 * cell, so a 50k × 20 sheet is ≈ 10 s). Display values are formatted cell by cell on Google's
 * side: assumed twice that. Formats and notes as values; validation rules are objects built
 * per cell: assumed 4× to write, 2× to read. */
const READ_VALUE_CELL_MS = 0.01;

/** Handles (getRange, getSheetByName) do not go to the server: 1,000 getRange().getValue()
 * took 3,064 ms (bugbugnow, 2019) from the look-ahead cache, so a handle is under 3 ms. */
const HANDLE_MS = 1;

/** Inserting or deleting rows, sheets, rules: no figure found; assumed a round trip. */
const STRUCTURE_MS = 100;

/** TextFinder: no figure found; assumed a read round trip plus 2 µs per cell searched (the
 * search runs on Google's side and returns only matches: 5× cheaper than fetching values). */
const SCAN_CELL_MS = 0.002;

// ---- Other services --------------------------------------------------------------------

/** Properties: setProperty avg 62 ms (43–231), getProperty avg 30 ms (20–84) (ziritione);
 * write + read ≈ 80 ms (poehnelt). */
const PROPERTY_GET_MS = 30;
const PROPERTY_SET_MS = 62;

/** Cache: put avg 93 ms, get avg 3 ms (ziritione). */
const CACHE_GET_MS = 3;
const CACHE_PUT_MS = 93;

/** LockService: no published acquisition time found. An uncontended lock is a server-side
 * record: assumed a property write (62 ms) to take, a property read (30 ms) to release.
 * Waiting for a held lock is charged separately by the emulator, as the time waited. */
const LOCK_TAKE_MS = 62;
const LOCK_RELEASE_MS = 30;

/** MailApp: "an email with total size of 100 KB will take about 1.2 seconds to send"
 * (Small Outbox FAQ). The desk's notices are 5–50 KB of HTML: assumed 1 s each. */
const SEND_EMAIL_MS = 1000;

/** FormApp (the surveys will need it): no published figures found. Assumed: creating a form
 * is a Drive file (2 s), each item added is a round trip (300 ms), reading responses is a
 * round trip plus 2 ms per response (the emulator passes responses as `cells`). */
const FORM_CREATE_MS = 2000;
const FORM_ITEM_MS = 300;
const FORM_RESPONSES_MS = 300;

/** Any other call (ScriptApp, Session, quota reads): no figure; assumed a 20 ms round trip,
 * the old flat model's figure. Dialogs and sidebars: assumed 200 ms to hand the page over. */
const DEFAULT_MS = 20;
const DIALOG_MS = 200;

/** Pessimistic band: 3×. The only repeated samples published (ziritione, 100 runs) show
 * maxima 2.8× (getProperty) to 3.7× (setProperty) the average; Tanaike reports Apps Script
 * times as "not stable"; and the figures above are 2010–2019 measurements of a service that
 * has changed since. A one-cell write then read measured ≈ 800 ms (poehnelt), above even this
 * model's pessimistic ≈ 400 ms for it: code that interleaves reads and writes can be worse. */
const PESSIMISTIC = 3;

export const CALIBRATED: CostModel = {
  perCallMs: {
    "SpreadsheetApp.SpreadsheetApp.openById": 500,
    "SpreadsheetApp.SpreadsheetApp.openByUrl": 500,
    "SpreadsheetApp.Sheet.getLastRow": SHEET_EXTENT_MS,
    "SpreadsheetApp.Sheet.getLastColumn": SHEET_EXTENT_MS,
    "SpreadsheetApp.Sheet.getDataRange": SHEET_EXTENT_MS,
    "SpreadsheetApp.Spreadsheet.insertSheet": 500,
    "SpreadsheetApp.Spreadsheet.deleteSheet": 500,
    "SpreadsheetApp.Spreadsheet.toast": DEFAULT_MS * 5,
    "SpreadsheetApp.Ui.showModalDialog": DIALOG_MS,
    "SpreadsheetApp.Ui.showModelessDialog": DIALOG_MS,
    "SpreadsheetApp.Ui.showSidebar": DIALOG_MS,
    "MailApp.MailApp.sendEmail": SEND_EMAIL_MS,
    "MailApp.MailApp.getRemainingDailyQuota": PROPERTY_GET_MS,
    "PropertiesService.Properties.getProperty": PROPERTY_GET_MS,
    "PropertiesService.Properties.getProperties": PROPERTY_GET_MS,
    "PropertiesService.Properties.getKeys": PROPERTY_GET_MS,
    "PropertiesService.Properties.setProperty": PROPERTY_SET_MS,
    "PropertiesService.Properties.setProperties": PROPERTY_SET_MS,
    "PropertiesService.Properties.deleteProperty": PROPERTY_SET_MS,
    "PropertiesService.Properties.deleteAllProperties": PROPERTY_SET_MS,
    "CacheService.Cache.get": CACHE_GET_MS,
    "CacheService.Cache.getAll": CACHE_GET_MS,
    "CacheService.Cache.put": CACHE_PUT_MS,
    "CacheService.Cache.putAll": CACHE_PUT_MS,
    "CacheService.Cache.remove": CACHE_PUT_MS,
    "CacheService.Cache.removeAll": CACHE_PUT_MS,
    "LockService.Lock.tryLock": LOCK_TAKE_MS,
    "LockService.Lock.waitLock": LOCK_TAKE_MS,
    "LockService.Lock.releaseLock": LOCK_RELEASE_MS,
    "FormApp.FormApp.create": FORM_CREATE_MS,
    "FormApp.FormApp.openById": 500,
    "FormApp.Form.getResponses": FORM_RESPONSES_MS,
  },
  spreadsheetBaseMs: {
    handle: HANDLE_MS,
    read: READ_CALL_MS,
    write: WRITE_CALL_MS,
    scan: READ_CALL_MS,
  },
  defaultMs: DEFAULT_MS,
  readPerCellMs: {
    values: READ_VALUE_CELL_MS,
    display: READ_VALUE_CELL_MS * 2,
    formats: READ_VALUE_CELL_MS,
    validation: READ_VALUE_CELL_MS * 2,
    notes: READ_VALUE_CELL_MS,
    structure: 0,
  },
  writePerCellMs: {
    values: WRITE_VALUE_CELL_MS,
    display: WRITE_VALUE_CELL_MS,
    formats: WRITE_VALUE_CELL_MS,
    validation: WRITE_VALUE_CELL_MS * 4,
    notes: WRITE_VALUE_CELL_MS,
    structure: 0,
  },
  flushBaseMs: FLUSH_BASE_MS,
  flushPerCellMs: FLUSH_CELL_MS,
  scanPerCellMs: SCAN_CELL_MS,
  pessimisticMultiplier: PESSIMISTIC,
};

/** Calls in services outside SpreadsheetApp that are local objects, not round trips. */
const LOCAL_MEMBERS = new Set([
  "PropertiesService.PropertiesService.getDocumentProperties",
  "PropertiesService.PropertiesService.getScriptProperties",
  "PropertiesService.PropertiesService.getUserProperties",
  "CacheService.CacheService.getDocumentCache",
  "CacheService.CacheService.getScriptCache",
  "CacheService.CacheService.getUserCache",
  "LockService.LockService.getDocumentLock",
  "LockService.LockService.getScriptLock",
  "LockService.LockService.getUserLock",
  "LockService.Lock.hasLock",
  "Utilities.Utilities.formatDate",
  "Utilities.Utilities.getUuid",
  "Utilities.Utilities.newBlob",
  "Session.Session.getScriptTimeZone",
  "HtmlService.HtmlService.createHtmlOutput",
  "HtmlService.HtmlService.createTemplate",
]);

const RANGE_READS: Record<string, Family> = {
  getValues: "values",
  getValue: "values",
  getFormulas: "values",
  getFormula: "values",
  getDisplayValues: "display",
  getDisplayValue: "display",
  getNumberFormats: "formats",
  getNumberFormat: "formats",
  getBackgrounds: "formats",
  getBackground: "formats",
  getFontWeights: "formats",
  getFontColor: "formats",
  getFontColors: "formats",
  getDataValidations: "validation",
  getDataValidation: "validation",
  getNotes: "notes",
  getNote: "notes",
};

const RANGE_WRITES: Record<string, Family> = {
  setValues: "values",
  setValue: "values",
  setFormula: "values",
  setFormulas: "values",
  clearContent: "values",
  setNumberFormat: "formats",
  setNumberFormats: "formats",
  setFontWeight: "formats",
  setFontWeights: "formats",
  setBackground: "formats",
  setBackgrounds: "formats",
  setFontColor: "formats",
  setFontColors: "formats",
  setWrap: "formats",
  setHorizontalAlignment: "formats",
  setVerticalAlignment: "formats",
  clearFormat: "formats",
  clear: "formats",
  setDataValidation: "validation",
  setDataValidations: "validation",
  clearDataValidations: "validation",
  setNote: "notes",
  setNotes: "notes",
};

/** Sheet and spreadsheet members that need the document's current state from Google. */
const STATE_READS = new Set([
  "Sheet.getLastRow",
  "Sheet.getLastColumn",
  "Sheet.getDataRange",
  "Sheet.getMaxRows",
  "Sheet.getMaxColumns",
  "Sheet.getFrozenRows",
  "Sheet.getFrozenColumns",
  "Sheet.getColumnWidth",
  "Sheet.getConditionalFormatRules",
]);

const TEXT_FINDER_SCANS = new Set(["findAll", "findNext", "findPrevious", "replaceAllWith", "replaceWith"]);

/** Classifies a metered key ("Service.Class.member") by what it does to the document. */
export function classify(key: string): Operation {
  const [service = "", cls = "", member = ""] = key.split(".");
  if (service !== "SpreadsheetApp") return { io: "call", family: "structure" };
  if (cls === "SpreadsheetApp") {
    if (member === "flush") return { io: "flush", family: "structure" };
    if (member.startsWith("open")) return { io: "call", family: "structure" };
    return { io: "handle", family: "structure" };
  }
  if (cls === "Range") {
    const read = RANGE_READS[member];
    if (read) return { io: "read", family: read };
    const write = RANGE_WRITES[member];
    if (write) return { io: "write", family: write };
    return { io: "handle", family: "structure" };
  }
  if (cls === "TextFinder")
    return TEXT_FINDER_SCANS.has(member)
      ? { io: "scan", family: "values" }
      : { io: "handle", family: "structure" };
  if (cls === "Sheet" && member === "appendRow") return { io: "write", family: "values" };
  if (STATE_READS.has(`${cls}.${member}`)) return { io: "read", family: "structure" };
  if (cls === "Ui") return { io: "call", family: "structure" };
  // Sheet and Spreadsheet: setters and structural changes are buffered writes; getters are handles.
  if (/^(set|insert|delete|clear|hide|show|protect|add|remove|move|sort|merge)/.test(member))
    return { io: "write", family: "structure" };
  if (member === "toast") return { io: "call", family: "structure" };
  return { io: "handle", family: "structure" };
}

/** Base ms of one call, before per-cell costs and any forced flush. */
export function baseMs(model: CostModel, key: string, op: Operation = classify(key)): number {
  const listed = model.perCallMs[key];
  if (listed !== undefined) return listed;
  if (op.io === "flush") return model.flushBaseMs;
  if (op.io === "call") {
    if (LOCAL_MEMBERS.has(key)) return HANDLE_MS;
    if (key.startsWith("FormApp.Form.add")) return FORM_ITEM_MS;
    if (key.startsWith("SpreadsheetApp.Ui.")) return DEFAULT_MS;
    return model.defaultMs;
  }
  if (op.io === "write" && op.family === "structure") return STRUCTURE_MS;
  return model.spreadsheetBaseMs[op.io];
}

/** ms to commit `pendingCells` buffered cells. */
export function flushMs(model: CostModel, pendingCells: number): number {
  return model.flushBaseMs + pendingCells * model.flushPerCellMs;
}

/** ms of one call on its own: base plus per-cell cost, without any flush it may force. */
export function callMs(model: CostModel, key: string, cells = 0): number {
  const op = classify(key);
  const base = baseMs(model, key, op);
  if (op.io === "read") return base + cells * model.readPerCellMs[op.family];
  if (op.io === "write") return base + cells * model.writePerCellMs[op.family];
  if (op.io === "scan") return base + cells * model.scanPerCellMs;
  if (key === "FormApp.Form.getResponses") return base + cells * 2;
  return base;
}

/** The pessimistic band of a modelled time; time spent waiting (sleep, a held lock) is not scaled. */
export function pessimisticMs(model: CostModel, modelledMs: number, waitedMs = 0): number {
  return (modelledMs - waitedMs) * model.pessimisticMultiplier + waitedMs;
}

/** ms → µs for the table, without float noise. */
const us = (ms: number) => Number((ms * 1000).toFixed(2));

/** The README's cost table: every figure with its source. */
export const FIGURES: Figure[] = [
  {
    operation: "setValues, 4,000 cells",
    published: "< 50 ms",
    model: `${WRITE_CALL_MS} ms + ${us(WRITE_VALUE_CELL_MS)} µs/cell (≈ 50 ms)`,
    source: "mogsdad",
  },
  {
    operation: "setValues, 10 cells (×400)",
    published: "164 ms for 400 calls",
    model: `${WRITE_CALL_MS} ms + 10 cells ≈ 0.5 ms a call`,
    source: "mogsdad",
  },
  {
    operation: "flush() after 4,000 cells",
    published: "+560 ms (50 → 610 ms)",
    model: `${FLUSH_BASE_MS} ms + ${FLUSH_CELL_MS} ms/pending cell (590 ms)`,
    source: "mogsdad",
  },
  {
    operation: "flush() after each 10-cell row (×400)",
    published: "≈ 12 s in all (≈ 30 ms each)",
    model: "31 ms each",
    source: "mogsdad",
  },
  {
    operation: "read after an unflushed write",
    published: '"every time you do a read, we must first empty (commit) the write cache"',
    model: "the read pays a flush first",
    source: "googleBlog",
  },
  {
    operation: "alternating reads and writes",
    published: "slow; batch reads and writes (no figure)",
    model: "as above",
    source: "bestPractices",
  },
  {
    operation: "getLastRow() (×1,000)",
    published: "160 s (160 ms a call)",
    model: `getLastRow / getLastColumn / getDataRange ${SHEET_EXTENT_MS} ms`,
    source: "bugbugnow",
  },
  {
    operation: "getRange().getValue() (×1,000, cached)",
    published: "3,064 ms (≈ 3 ms a pair)",
    model: `handles ${HANDLE_MS} ms`,
    source: "bugbugnow",
  },
  {
    operation: "getValues + setValues, 1,000 cells",
    published: "≈ 905 ms with getLastRow and 1,000 Logger.log (≈ 125 ms for the two range calls)",
    model: `read ${READ_CALL_MS} ms + ${us(READ_VALUE_CELL_MS)} µs/cell`,
    source: "bugbugnow",
  },
  {
    operation: "getValues, large ranges (10k–1M cells)",
    published: "none found",
    model: `assumed ${us(READ_VALUE_CELL_MS)} µs/cell (1M cells ≈ 10 s)`,
    source: "none",
  },
  {
    operation: "getDisplayValues",
    published: "none found",
    model: "assumed 2× getValues per cell",
    source: "none",
  },
  {
    operation: "number formats, backgrounds, notes (get/set)",
    published: "none found",
    model: "assumed as values per cell",
    source: "none",
  },
  {
    operation: "setDataValidations / getDataValidations",
    published: "none found",
    model: "assumed 4× / 2× values per cell",
    source: "none",
  },
  {
    operation: "insert/delete rows, sheets, rules",
    published: "none found",
    model: `assumed ${STRUCTURE_MS} ms (insert/delete sheet 500 ms)`,
    source: "none",
  },
  {
    operation: "openById / getSheetByName",
    published: "none found",
    model: `openById assumed 500 ms; getSheetByName a handle (${HANDLE_MS} ms)`,
    source: "none",
  },
  {
    operation: "TextFinder findAll / findNext",
    published: "none found",
    model: `assumed ${READ_CALL_MS} ms + ${us(SCAN_CELL_MS)} µs/cell searched`,
    source: "none",
  },
  {
    operation: "MailApp.sendEmail",
    published: "≈ 1.2 s for a 100 KB message",
    model: `${SEND_EMAIL_MS} ms (notices are 5–50 KB)`,
    source: "smallOutbox",
  },
  {
    operation: "Properties getProperty / setProperty",
    published: "avg 30 ms (20–84) / avg 62 ms (43–231)",
    model: `${PROPERTY_GET_MS} / ${PROPERTY_SET_MS} ms`,
    source: "ziritione",
  },
  {
    operation: "Properties write + read",
    published: "≈ 80 ms",
    model: `${PROPERTY_GET_MS + PROPERTY_SET_MS} ms`,
    source: "poehnelt",
  },
  {
    operation: "Cache get / put",
    published: "avg 3 ms / avg 93 ms",
    model: `${CACHE_GET_MS} / ${CACHE_PUT_MS} ms`,
    source: "ziritione",
  },
  {
    operation: "one-cell setValue then getValue",
    published: "≈ 800 ms",
    model: `≈ ${Math.round(2 * HANDLE_MS + WRITE_CALL_MS + READ_CALL_MS + FLUSH_BASE_MS)} ms (3×: ≈ ${Math.round(3 * (2 * HANDLE_MS + WRITE_CALL_MS + READ_CALL_MS + FLUSH_BASE_MS))} ms, still below)`,
    source: "poehnelt",
  },
  {
    operation: "LockService tryLock / waitLock (free lock)",
    published: "none found",
    model: `assumed ${LOCK_TAKE_MS} ms (as setProperty); release ${LOCK_RELEASE_MS} ms; waiting charged as waited`,
    source: "none",
  },
  {
    operation: "FormApp create / add item / getResponses",
    published: "none found",
    model: `assumed ${FORM_CREATE_MS} ms / ${FORM_ITEM_MS} ms / ${FORM_RESPONSES_MS} ms + 2 ms per response`,
    source: "none",
  },
  {
    operation: "other calls (ScriptApp, Session, …)",
    published: "none found",
    model: `assumed ${DEFAULT_MS} ms; dialogs ${DIALOG_MS} ms`,
    source: "none",
  },
  {
    operation: "pessimistic band",
    published: 'max/avg 2.8–3.7× over 100 runs; times "not stable"',
    model: `${PESSIMISTIC}× the calibrated time (waits not scaled)`,
    source: "ziritione",
  },
];
