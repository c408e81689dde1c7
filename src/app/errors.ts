// Turning failures into messages an assistant can act on.
import { MissingColumnsError, MissingSheetError } from "../gas/table";
import type { Office } from "./office";

export function explainError(office: Pick<Office, "t">, e: unknown): string {
  if (e instanceof MissingSheetError) return office.t("error.noSheet", { sheet: e.sheetNames.join(" / ") });
  if (e instanceof MissingColumnsError)
    return office.t("error.missingColumns", { sheet: e.sheetName, columns: e.columns.join(", ") });
  return messageOf(e);
}

/** An error's message, whichever realm or service threw it. */
export function messageOf(e: unknown): string {
  return typeof e === "object" && e !== null && "message" in e
    ? String((e as { message: unknown }).message)
    : String(e);
}
