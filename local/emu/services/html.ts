// HtmlService: HTML files of the bundle, templates with `<?= ?>` escaping, and the client side
// of google.script.run for dialogs opened in a browser (bridged back to the bundle).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Api, emulated, guard, guardEnum, guardObject } from "../guard";
import { type Host, metered } from "../host";

type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GasHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export const HTML_SERVICE = emulated<GoogleAppsScript.HTML.HtmlService>()(
  "HtmlService",
  "HtmlService",
  "HTML.HtmlService",
  ["createHtmlOutput", "createHtmlOutputFromFile", "createTemplate", "createTemplateFromFile"],
  ["SandboxMode", "XFrameOptionsMode"],
);

export const HTML_OUTPUT = emulated<GasHtmlOutput>()("HtmlService", "HtmlOutput", "HTML.HtmlOutput", [
  "setTitle",
  "getTitle",
  "setWidth",
  "setHeight",
  "getWidth",
  "getHeight",
  "getContent",
  "setContent",
  "append",
  "setSandboxMode",
  "setXFrameOptionsMode",
  "addMetaTag",
  "setFaviconUrl",
]);

/** Not guarded: a template takes any property a script sets on it, and reads it back. */
export const HTML_TEMPLATE = emulated<GasHtmlTemplate>()("HtmlService", "HtmlTemplate", "HTML.HtmlTemplate", [
  "evaluate",
  "getCode",
]);

export class HtmlOutput implements Api<typeof HTML_OUTPUT> {
  title = "";
  width = 600;
  height = 400;
  constructor(public content: string) {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(HTML_OUTPUT.name, this);
  }
  private self(): GasHtmlOutput {
    return this as unknown as GasHtmlOutput;
  }
  setTitle(t: string) {
    this.title = t;
    return this.self();
  }
  getTitle() {
    return this.title;
  }
  setWidth(w: number) {
    this.width = w;
    return this.self();
  }
  setHeight(h: number) {
    this.height = h;
    return this.self();
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
    return this.self();
  }
  append(c: string) {
    this.content += c;
    return this.self();
  }
  setSandboxMode() {
    return this.self();
  }
  setXFrameOptionsMode() {
    return this.self();
  }
  addMetaTag() {
    return this.self();
  }
  setFaviconUrl() {
    return this.self();
  }
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

const SandboxMode = guardEnum("HtmlService.SandboxMode", {
  IFRAME: "IFRAME",
  NATIVE: "NATIVE",
  EMULATED: "EMULATED",
});
const XFrameOptionsMode = guardEnum("HtmlService.XFrameOptionsMode", {
  ALLOWALL: "ALLOWALL",
  DEFAULT: "DEFAULT",
});

export function htmlService(host: Host, distDir: string): GoogleAppsScript.HTML.HtmlService {
  const m = (member: string) => host.meter.record("HtmlService", `HtmlService.${member}`);
  const call = metered(m);
  const file = (name: string) => {
    try {
      return readFileSync(join(distDir, name.endsWith(".html") ? name : `${name}.html`), "utf8");
    } catch {
      throw new Error(`No HTML file named ${name} was found.`);
    }
  };
  const output = (html: string) => new HtmlOutput(html) as unknown as GasHtmlOutput;
  const template = (source: string): GasHtmlTemplate => {
    const t: GasHtmlTemplate = {
      evaluate: () => output(compileTemplate(source)(t)),
      getCode: () => source,
    } satisfies Api<typeof HTML_TEMPLATE> as unknown as GasHtmlTemplate;
    return t;
  };
  const api = {
    createHtmlOutput: (html: unknown = "") => call("createHtmlOutput", () => output(String(html))),
    createHtmlOutputFromFile: (name: string) => call("createHtmlOutputFromFile", () => output(file(name))),
    createTemplate: (html: unknown) => call("createTemplate", () => template(String(html))),
    createTemplateFromFile: (name: string) => call("createTemplateFromFile", () => template(file(name))),
  } satisfies Api<typeof HTML_SERVICE>;
  return guard(HTML_SERVICE, { ...api, SandboxMode, XFrameOptionsMode });
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
