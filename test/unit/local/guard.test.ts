// The emulated services are what docs/emulated.md says they are, and nothing else: every
// listed member exists, every Apps Script member the runtime implements is listed, and a
// script reaching for any other member fails with "<Class>.<member> is not emulated".
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { EMULATED, emulatedMarkdown } from "../../../local/emu/emulated";
import { gasMembers } from "./gasTypes";
import { removeScripts, scriptRuntime } from "./script";

afterAll(removeScripts);

const CODE = `
function objects() {
  var ss = SpreadsheetApp.getActive();
  var sheet = ss.getSheets()[0];
  var range = sheet.getRange("A1:B2");
  var validation = SpreadsheetApp.newDataValidation().requireValueInList(["a"]);
  var ruleBuilder = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("a").setRanges([range]);
  var rule = ruleBuilder.build();
  var ui = SpreadsheetApp.getUi();
  return {
    SpreadsheetApp: SpreadsheetApp, Spreadsheet: ss, Sheet: sheet, Protection: sheet.protect(), Range: range,
    TextFinder: range.createTextFinder("a"), DataValidation: validation.build(), DataValidationBuilder: validation,
    ConditionalFormatRule: rule, ConditionalFormatRuleBuilder: ruleBuilder, BooleanCondition: rule.getBooleanCondition(),
    Ui: ui, Menu: ui.createMenu("m"), PromptResponse: ui.prompt("p"),
    HtmlService: HtmlService, HtmlOutput: HtmlService.createHtmlOutput("<b>x</b>"), HtmlTemplate: HtmlService.createTemplate("x"),
    ScriptApp: ScriptApp, TriggerBuilder: ScriptApp.newTrigger("objects"),
    ClockTriggerBuilder: ScriptApp.newTrigger("objects").timeBased(),
    SpreadsheetTriggerBuilder: ScriptApp.newTrigger("objects").forSpreadsheet(ss),
    Trigger: ScriptApp.newTrigger("objects").timeBased().everyHours(1).create(),
    MailApp: MailApp, PropertiesService: PropertiesService, Properties: PropertiesService.getScriptProperties(),
    CacheService: CacheService, Cache: CacheService.getScriptCache(), LockService: LockService, Lock: LockService.getScriptLock(),
    Utilities: Utilities, Blob: Utilities.newBlob("x"), Session: Session, User: Session.getActiveUser(),
    Logger: Logger, console: console, Drive: Drive, Files: Drive.Files
  };
}
function merge() { SpreadsheetApp.getActive().getSheets()[0].getRange("A1:B1").merge(); }
function openOther() { return SpreadsheetApp.openById("1abc").getName(); }
function calendarTrigger() { return ScriptApp.EventType.ON_EVENT_UPDATED; }
function quietFallback() {
  // A script that tests for a member before using it still runs: only reading it throws.
  var range = SpreadsheetApp.getActive().getSheets()[0].getRange("A1");
  try { range.merge(); return "merged"; } catch (e) { return "kept apart"; }
}
function sameSheet() {
  var ss = SpreadsheetApp.getActive();
  var sheet = ss.insertSheet("Log");
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(["新建", "已解决"]).setAllowInvalid(false).build();
  sheet.getRange("A1").setDataValidation(rule);
  return [ss.getSheetByName("Log") === sheet, sheet.getIndex(), sheet.getRange("A1").getDataValidation().getCriteriaValues()[0].join("/")];
}
`;

const specs = EMULATED.flatMap((e) => e.specs);
/** Objects whose type takes any property a script sets (HtmlTemplate), or is not Apps Script's (console). */
const UNGUARDED = new Set(["HtmlTemplate", "console"]);

async function emulatedObjects() {
  const rt = await scriptRuntime(CODE);
  return rt.run("objects") as Record<string, Record<string, unknown>>;
}

/** Every function an emulated object offers, its own and its class's. */
function functionsOf(object: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = object; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
    for (const name of Object.getOwnPropertyNames(o)) if (name !== "constructor") names.add(name);
  return [...names].filter((n) => typeof (object as Record<string, unknown>)[n] === "function");
}

describe("the emulated list", () => {
  it("names only real Apps Script members, and each is there", async () => {
    const objects = await emulatedObjects();
    for (const spec of specs) {
      const object = objects[spec.name];
      expect(object, spec.name).toBeDefined();
      const declared = spec.type === "Console" ? null : gasMembers(spec.type);
      for (const member of spec.members) {
        if (declared) expect(declared.has(member), `${spec.type}.${member}`).toBe(true);
        expect(typeof object?.[member], `${spec.name}.${member}`).toBe("function");
      }
      for (const constant of spec.enums)
        expect(typeof object?.[constant], `${spec.name}.${constant}`).toBe("object");
    }
  });

  it("lists every Apps Script member the runtime implements", async () => {
    const objects = await emulatedObjects();
    for (const spec of specs.filter((s) => s.type !== "Console")) {
      const declared = gasMembers(spec.type);
      const listed = new Set<string>([...spec.members, ...spec.enums]);
      const unlisted = functionsOf(objects[spec.name] ?? {}).filter((n) => declared.has(n) && !listed.has(n));
      expect(unlisted, spec.name).toEqual([]);
    }
  });

  it("is what docs/emulated.md says (regenerate: npx tsx local/emu/listEmulated.ts > docs/emulated.md)", () => {
    expect(readFileSync(new URL("../../../docs/emulated.md", import.meta.url), "utf8")).toBe(
      emulatedMarkdown(),
    );
  });
});

describe("the guard", () => {
  it("throws '<Class>.<member> is not emulated' for any Apps Script member not emulated", async () => {
    const objects = await emulatedObjects();
    for (const spec of specs.filter((s) => !UNGUARDED.has(s.name))) {
      const listed = new Set<string>([...spec.members, ...spec.enums]);
      const missing = [...gasMembers(spec.type)].filter((m) => !listed.has(m));
      for (const member of missing)
        expect(() => objects[spec.name]?.[member], `${spec.name}.${member}`).toThrow(
          `${spec.name}.${member} is not emulated`,
        );
    }
  });

  it("stops a script that uses a member the runtime lacks, naming it, instead of running on with undefined", async () => {
    const rt = await scriptRuntime(CODE);
    expect(() => rt.run("merge")).toThrow("Range.merge is not emulated");
    expect(() => rt.run("openOther")).toThrow("SpreadsheetApp.openById is not emulated");
    expect(() => rt.run("calendarTrigger")).toThrow("ScriptApp.EventType.ON_EVENT_UPDATED is not emulated");
    expect(rt.failures.map((f) => f.name)).toEqual(["merge", "openOther", "calendarTrigger"]);
  });

  it("is an error a script can catch, like any other", async () => {
    const rt = await scriptRuntime(CODE);
    expect(rt.run("quietFallback")).toBe("kept apart");
  });

  it("leaves identity, rule checks and probes by tools as they were", async () => {
    const rt = await scriptRuntime(CODE);
    expect(rt.run("sameSheet")).toEqual([true, 2, "新建/已解决"]);
    const objects = await emulatedObjects();
    // Awaiting an object probes `then`; test runners probe `asymmetricMatch`, `nodeType`, `toJSON`.
    await expect(Promise.resolve(objects.Range)).resolves.toBe(objects.Range);
    for (const probe of [
      "then",
      "toJSON",
      "asymmetricMatch",
      "nodeType",
      "$$typeof",
      "@@__IMMUTABLE_ITERABLE__@@",
    ])
      expect(objects.Range?.[probe]).toBeUndefined();
  });
});
