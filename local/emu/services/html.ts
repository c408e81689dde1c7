// SpreadsheetApp.getUi() and HtmlService: menus and dialogs are recorded; alerts and
// prompts are answered from a script of answers; dialogs can be opened in a browser with
// google.script.run bridged back to the bundle.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Host, metered } from "./services";

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

const Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
const ButtonSet = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;

export class HtmlOutput {
  title = "";
  width = 600;
  height = 400;
  constructor(public content: string) {}
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  setHeight(h: number) {
    this.height = h;
    return this;
  }
  getWidth() {
    return this.width;
  }
  getHeight() {
    return this.height;
  }
  getContent() {
    return this.content;
  }
  setContent(c: string) {
    this.content = c;
    return this;
  }
  append(c: string) {
    this.content += c;
    return this;
  }
  setSandboxMode() {
    return this;
  }
  setXFrameOptionsMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
  setFaviconUrl() {
    return this;
  }
}

export function ui(host: Host, log: UiLog, inSimpleTrigger: () => boolean) {
  const m = (member: string) => host.meter.record("SpreadsheetApp", `Ui.${member}`);
  const _call = metered(m);
  const answer = () => log.answers.shift() ?? "OK";
  const show = (kind: DialogRecord["kind"], output: HtmlOutput, title?: string) => {
    if (inSimpleTrigger()) throw new Error("You do not have permission to call Ui.showModalDialog.");
    log.dialogs.push({
      kind,
      title: title ?? output.title,
      html: output.content,
      width: output.width,
      height: output.height,
      at: host.clock.now(),
    });
  };
  const self = {
    Button,
    ButtonSet,
    createMenu(title: string) {
      m("createMenu");
      const menu: MenuRecord = { title, items: [] };
      const builder = {
        addItem(caption: string, functionName: string) {
          menu.items.push({ caption, functionName });
          return builder;
        },
        addSeparator() {
          menu.items.push({ caption: "---", functionName: "" });
          return builder;
        },
        addSubMenu(sub: { record?: MenuRecord }) {
          for (const item of sub.record?.items ?? []) menu.items.push(item);
          return builder;
        },
        addToUi() {
          log.menus = log.menus.filter((x) => x.title !== title);
          log.menus.push(menu);
        },
        record: menu,
      };
      return builder;
    },
    createAddonMenu() {
      return self.createMenu("Add-on");
    },
    alert(a: string, b?: string, c?: string) {
      m("alert");
      const [title, prompt, buttons] =
        c !== undefined
          ? [a, b ?? "", c]
          : b !== undefined && b in ButtonSet
            ? [undefined, a, b]
            : b !== undefined
              ? [a, b, "OK"]
              : [undefined, a, "OK"];
      const reply = answer();
      log.alerts.push({ title, prompt, buttons, answer: reply });
      return reply;
    },
    prompt(a: string, b?: string, c?: string) {
      m("prompt");
      const reply = answer();
      log.alerts.push({
        title: c !== undefined ? a : undefined,
        prompt: c !== undefined ? (b ?? "") : a,
        buttons: c ?? b ?? "OK",
        answer: reply,
      });
      const cancelled = reply === "CANCEL" || reply === "CLOSE" || reply === "NO";
      return {
        getResponseText: () => (cancelled ? "" : reply),
        getSelectedButton: () => (cancelled ? reply : "OK"),
      };
    },
    showModalDialog(output: HtmlOutput, title: string) {
      m("showModalDialog");
      show("modal", output, title);
    },
    showModelessDialog(output: HtmlOutput, title: string) {
      m("showModelessDialog");
      show("modeless", output, title);
    },
    showSidebar(output: HtmlOutput) {
      m("showSidebar");
      show("sidebar", output);
    },
  };
  return self;
}

const escapeHtml = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** `<?= ?>` escapes, `<?!= ?>` does not, `<? ?>` runs code: compiled to a function of the template's fields. */
function compileTemplate(source: string): (fields: Record<string, unknown>) => string {
  let code = "let __out = '';\n";
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === "=") code += `__out += __escape(${m[2]});\n`;
    else if (m[1] === "!=") code += `__out += String(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = m.index + m[0].length;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
  const fn = new Function("__fields", "__escape", `with (__fields) {\n${code}\n}`) as (
    f: Record<string, unknown>,
    e: typeof escapeHtml,
  ) => string;
  return (fields) => fn(fields, escapeHtml);
}

export function htmlService(host: Host, distDir: string) {
  const m = (member: string) => host.meter.record("HtmlService", `HtmlService.${member}`);
  const call = metered(m);
  const file = (name: string) => {
    try {
      return readFileSync(join(distDir, name.endsWith(".html") ? name : `${name}.html`), "utf8");
    } catch {
      throw new Error(`No HTML file named ${name} was found.`);
    }
  };
  const template = (source: string) => {
    const t: Record<string, unknown> = {
      evaluate: () => new HtmlOutput(compileTemplate(source)(t)),
      getCode: () => source,
    };
    return t;
  };
  return {
    createHtmlOutput: (html = "") => call("createHtmlOutput", () => new HtmlOutput(String(html))),
    createHtmlOutputFromFile: (name: string) =>
      call("createHtmlOutputFromFile", () => new HtmlOutput(file(name))),
    createTemplate: (html: string) => call("createTemplate", () => template(html)),
    createTemplateFromFile: (name: string) => call("createTemplateFromFile", () => template(file(name))),
    SandboxMode: { IFRAME: "IFRAME", NATIVE: "NATIVE", EMULATED: "EMULATED" },
    XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
  };
}

/** The client side of google.script.run and google.script.host, calling window.__gasRun(name, argsJson). */
export const CLIENT_SHIM = `<script>
(function () {
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_t, prop) {
        if (prop === "withSuccessHandler") return function (f) { return runner(f, failure, userObject); };
        if (prop === "withFailureHandler") return function (f) { return runner(success, f, userObject); };
        if (prop === "withUserObject") return function (o) { return runner(success, failure, o); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          Promise.resolve().then(function () { return window.__gasRun(String(prop), JSON.stringify(args)); }).then(
            function (result) { if (success) success(result, userObject); },
            function (error) { if (failure) failure(error instanceof Error ? error : new Error(String(error)), userObject); }
          );
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () { window.__closed = true; }, setHeight: function () {}, setWidth: function () {} } } };
})();
</script>`;

/** A dialog's HTML with the client shim placed before its own scripts. */
export function shimmed(html: string): string {
  const at = html.search(/<script/i);
  return at < 0 ? html + CLIENT_SHIM : html.slice(0, at) + CLIENT_SHIM + html.slice(at);
}
