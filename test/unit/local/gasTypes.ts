// The members of each Apps Script interface, read from @types/google-apps-script's
// declarations (parsed, not type-checked: fast), to compare with what the runtime emulates.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";

interface Declared {
  members: Set<string>;
  extends: string[];
}

function declarations(): Map<string, Declared> {
  const dir = dirname(createRequire(import.meta.url).resolve("@types/google-apps-script/package.json"));
  const found = new Map<string, Declared>();
  const visit = (node: ts.Node, path: string[]) => {
    if (ts.isModuleDeclaration(node) && node.body) {
      const inner = [...path, node.name.getText()];
      if (ts.isModuleBlock(node.body)) for (const s of node.body.statements) visit(s, inner);
      return;
    }
    if (!ts.isInterfaceDeclaration(node) || path[0] !== "GoogleAppsScript") return;
    const key = [...path.slice(1), node.name.text].join(".");
    const members = new Set(
      node.members.flatMap((m) => (m.name && !ts.isComputedPropertyName(m.name) ? [m.name.getText()] : [])),
    );
    const heritage = (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText()));
    // Names in an extends clause are relative to the interface's namespace unless qualified.
    const resolved = heritage.map((name) => (name.includes(".") ? name : [...path.slice(1), name].join(".")));
    found.set(key, { members, extends: resolved });
  };
  // Advanced services (Drive v3 …) are declared under apis/.
  const files = [...readdirSync(dir), ...readdirSync(join(dir, "apis")).map((f) => join("apis", f))];
  for (const file of files.filter((f) => f.endsWith(".d.ts"))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(dir, file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    for (const statement of source.statements) visit(statement, []);
  }
  return found;
}

let cache: Map<string, Declared> | null = null;

/** Every member name of `GoogleAppsScript.<type>` ("Spreadsheet.Range"), inherited ones included. */
export function gasMembers(type: string): Set<string> {
  cache ??= declarations();
  const declared = cache.get(type);
  if (!declared) throw new Error(`No interface GoogleAppsScript.${type} in @types/google-apps-script`);
  const all = new Set(declared.members);
  for (const parent of declared.extends)
    if (cache.has(parent)) for (const m of gasMembers(parent)) all.add(m);
  return all;
}
