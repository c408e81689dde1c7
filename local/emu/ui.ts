// SpreadsheetApp.getUi(): menus and dialogs are recorded; alerts and prompts are answered
// from a script of answers.
import { type Api, emulated, guard, guardEnum } from "./guard";
import type { Host } from "./host";
import type { HtmlOutput } from "./services/html";

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type Button = GoogleAppsScript.Base.Button;

export const UI = emulated<GasUi>()(
  "SpreadsheetApp",
  "Ui",
  "Base.Ui",
  [
    "createMenu",
    "createAddonMenu",
    "alert",
    "prompt",
    "showModalDialog",
    "showModelessDialog",
    "showSidebar",
  ],
  ["Button", "ButtonSet"],
);

export const MENU = emulated<GasMenu>()("SpreadsheetApp", "Menu", "Base.Menu", [
  "addItem",
  "addSeparator",
  "addSubMenu",
  "addToUi",
]);

export const PROMPT_RESPONSE = emulated<GoogleAppsScript.Base.PromptResponse>()(
  "SpreadsheetApp",
  "PromptResponse",
  "Base.PromptResponse",
  ["getResponseText", "getSelectedButton"],
);

export interface MenuRecord {
  title: string;
  items: { caption: string; functionName: string }[];
}

export interface AlertRecord {
  title?: string;
  prompt: string;
  buttons: string;
  answer: string;
}

export interface DialogRecord {
  kind: "modal" | "modeless" | "sidebar";
  title: string;
  html: string;
  width: number;
  height: number;
  at: number;
}

export interface UiLog {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  /** Buttons (or prompt texts) to answer with, first first; "OK" when empty. */
  answers: string[];
  dialogs: DialogRecord[];
}

// Buttons are their names as strings, as the answers scripted by tests are.
const BUTTONS = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
const BUTTON_SETS = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;
const Button = guardEnum("Ui.Button", BUTTONS);
const ButtonSet = guardEnum("Ui.ButtonSet", BUTTON_SETS);

const button = (name: string) => name as unknown as Button;

export function ui(host: Host, log: UiLog, inSimpleTrigger: () => boolean): GasUi {
  const m = (member: string) => host.meter.record("SpreadsheetApp", `Ui.${member}`);
  const answer = () => log.answers.shift() ?? "OK";
  const show = (kind: DialogRecord["kind"], gasOutput: GoogleAppsScript.HTML.HtmlOutput, title?: string) => {
    if (inSimpleTrigger()) throw new Error("You do not have permission to call Ui.showModalDialog.");
    const output = gasOutput as unknown as HtmlOutput;
    log.dialogs.push({
      kind,
      title: title ?? output.title,
      html: output.content,
      width: output.width,
      height: output.height,
      at: host.clock.now(),
    });
  };
  /** Each menu's record, to copy a sub-menu's items into its parent. */
  const records = new WeakMap<GasMenu, MenuRecord>();
  const menu = (title: string): GasMenu => {
    const record: MenuRecord = { title, items: [] };
    const builder: GasMenu = guard(MENU, {
      addItem(caption: string, functionName: string) {
        record.items.push({ caption, functionName });
        return builder;
      },
      addSeparator() {
        record.items.push({ caption: "---", functionName: "" });
        return builder;
      },
      addSubMenu(sub: GasMenu) {
        for (const item of records.get(sub)?.items ?? []) record.items.push(item);
        return builder;
      },
      addToUi() {
        log.menus = log.menus.filter((x) => x.title !== title);
        log.menus.push(record);
      },
    } satisfies Api<typeof MENU>);
    records.set(builder, record);
    return builder;
  };
  const api = {
    createMenu(title: string) {
      m("createMenu");
      return menu(title);
    },
    createAddonMenu() {
      m("createMenu");
      return menu("Add-on");
    },
    alert(a: string, b?: unknown, c?: unknown) {
      m("alert");
      const [title, prompt, buttons] =
        c !== undefined
          ? [a, String(b ?? ""), String(c)]
          : b !== undefined && String(b) in BUTTON_SETS
            ? [undefined, a, String(b)]
            : b !== undefined
              ? [a, String(b), "OK"]
              : [undefined, a, "OK"];
      const reply = answer();
      log.alerts.push({ title, prompt, buttons, answer: reply });
      return button(reply);
    },
    prompt(a: string, b?: unknown, c?: unknown) {
      m("prompt");
      const reply = answer();
      log.alerts.push({
        title: c !== undefined ? a : undefined,
        prompt: c !== undefined ? String(b ?? "") : a,
        buttons: String(c ?? b ?? "OK"),
        answer: reply,
      });
      const cancelled = reply === "CANCEL" || reply === "CLOSE" || reply === "NO";
      return guard(PROMPT_RESPONSE, {
        getResponseText: () => (cancelled ? "" : reply),
        getSelectedButton: () => button(cancelled ? reply : "OK"),
      } satisfies Api<typeof PROMPT_RESPONSE>);
    },
    showModalDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string) {
      m("showModalDialog");
      show("modal", output, title);
    },
    showModelessDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string) {
      m("showModelessDialog");
      show("modeless", output, title);
    },
    showSidebar(output: GoogleAppsScript.HTML.HtmlOutput) {
      m("showSidebar");
      show("sidebar", output);
    },
  } satisfies Api<typeof UI>;
  return guard(UI, { ...api, Button, ButtonSet });
}
