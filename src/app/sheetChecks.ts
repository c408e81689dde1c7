// The sheet checks moved to setup/, one file per concern; these names stay importable from
// here for the modules that still use this path (rules.ts, errors.ts and a unit test).
export type { RuleFor } from "./setup/columnFormats";
export { headerMap } from "./setup/columnHeaders";
export { headerForData, looksLikeHeader } from "./setup/headerRow";
export { findRenamedSheets } from "./setup/renamedSheets";
export type { SheetContext } from "./setup/sheetContext";
