// A tiny bundle written to a temporary dist/ so the runtime's own behaviour can be tested
// without building the desk.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRuntime, type RuntimeOptions } from "../../../local/emu/runtime";

const dirs: string[] = [];

export function scriptRuntime(code: string, options: RuntimeOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), "desk-script-"));
  dirs.push(dir);
  writeFileSync(join(dir, "Code.js"), code);
  return createRuntime({ distDir: dir, now: "2026-03-02T01:00:00Z", user: "a@x.example", ...options });
}

export function removeScripts() {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
