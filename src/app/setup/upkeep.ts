// What the hourly run keeps in order between repairs.
import { findSheet } from "../../gas/table";
import { SCHEMAS, type SheetSpec } from "../../sheets/schema";
import { applyAll, type Finding } from "../findings";
import { currentUser } from "../identity";
import type { Office } from "../office";
import { digestHourFinding } from "./clockTriggers";
import { checkTypingRoom } from "./leanGrid";
import type { SheetContext } from "./sheetContext";
import { digestIsStale, readOwner, sameAccount } from "./triggerOwner";

/**
 * Upkeep the hourly run can do between repairs (it runs as the triggers' owner; call it under
 * the document lock): the digest trigger follows a changed digest.hour (or zone), and the
 * sheets people type into get their empty rows back. Returns what it did.
 */
export function hourlyUpkeep(office: Office): string[] {
  const done: Finding[] = [];
  const me = currentUser();
  const owner = readOwner();
  if (owner && sameAccount(owner.email, me.email) && digestIsStale(owner, office))
    done.push(digestHourFinding(office, me, owner));
  const ctx: SheetContext = { ss: office.ss, language: office.language, t: office.t };
  for (const id of ["complaints", "callbacks"] as const) {
    const spec = SCHEMAS[id] as unknown as SheetSpec<unknown>;
    const sheet = findSheet(office.ss, spec, office.t(spec.nameKey));
    if (sheet) checkTypingRoom(ctx, sheet, spec, done);
  }
  return applyAll(done);
}
