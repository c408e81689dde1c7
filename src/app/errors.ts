// Turning failures into messages an assistant can act on.
import { MissingColumnsError, MissingSheetError } from "../gas/table";
import type { Office } from "./office";

export function explainError(office: Pick<Office, "t">, e: unknown): string {
  if (e instanceof MissingSheetError) return office.t("error.noSheet", { sheet: e.sheetNames.join(" / ") });
  if (e instanceof MissingColumnsError)
    return office.t("error.missingColumns", { sheet: e.sheetName, columns: e.columns.join(", ") });
  return e instanceof Error ? e.message : String(e);
}
