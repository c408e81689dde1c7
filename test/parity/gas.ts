// The parity bundle's entry on Apps Script: run `runParity` from the scratch project's
// editor and read the execution log. esbuild-gas-plugin makes each `global.x` a function.
import { runSuite } from "./suite";

// biome-ignore lint/suspicious/noExplicitAny: the Apps Script global object has no type.
declare let global: any;

global.runParity = () => {
  const report = runSuite({ SpreadsheetApp, LockService, ScriptApp, Utilities, now: () => Date.now() });
  console.log(report.text);
  return report.text;
};

// The handler the trigger check installs (checks/triggers.ts NOOP) and deletes: it does nothing.
global.parityNoop = () => undefined;
