// Number formats per column kind. Text is "@" (plain text): owners' words are never parsed.
import type { ColumnKind } from "./schema";

export function numberFormatFor(kind: ColumnKind): string {
  switch (kind) {
    case "datetime":
      return "yyyy-mm-dd hh:mm";
    case "date":
      return "yyyy-mm-dd";
    case "number":
      return "0.##";
    default:
      return "@";
  }
}
