// The built bundle is what clasp pushes: every entry point must be a top-level function.
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { api } from "../../src/app/api";

const bundle = readFileSync("dist/Code.js", "utf8");
const declared = [...readFileSync("src/main.ts", "utf8").matchAll(/^global\.(\w+)\s*=/gm)].map(
  (m) => m[1] ?? "",
);

describe("dist/Code.js", () => {
  it("declares the entry points of src/main.ts", () => {
    expect(declared).toEqual(
      expect.arrayContaining([
        "onOpen",
        "onEdit",
        "showIntakeDialog",
        "submitComplaint",
        "runReminders",
        "runDailyDigest",
      ]),
    );
  });

  it("makes every function of the dialogs' api a global of the same name", () => {
    const wired = [...readFileSync("src/main.ts", "utf8").matchAll(/^global\.(\w+)\s*=\s*api\.(\w+);/gm)];
    expect(wired.every((m) => m[1] === m[2])).toBe(true);
    expect(wired.map((m) => m[1]).sort()).toEqual(Object.keys(api).sort());
  });

  it("exposes each entry point as a global function in a fresh V8 context", () => {
    const context = vm.createContext({});
    vm.runInContext(bundle, context);
    for (const name of declared) expect(typeof context[name], name).toBe("function");
  });

  it("declares them at top level, where Apps Script's Run list and triggers find them", () => {
    for (const name of declared) expect(bundle).toMatch(new RegExp(`^function ${name}\\(`, "m"));
  });

  it("ships the dialogs and a manifest with narrow scopes only", () => {
    const manifest = JSON.parse(readFileSync("dist/appsscript.json", "utf8")) as {
      oauthScopes: string[];
      timeZone: string;
    };
    expect(manifest.timeZone).toBe("Asia/Shanghai");
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/spreadsheets.currentonly");
    for (const scope of manifest.oauthScopes)
      expect(scope).not.toMatch(/\/(spreadsheets|drive|gmail\.\w+|mail\.google\.com)$/);
    expect(readFileSync("dist/intake.html", "utf8")).toContain("google.script.run");
  });
});
