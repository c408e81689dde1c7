// A busy office's workbook for the benchmark: set up by the desk, then filled (unmetered)
// with N complaints and their Log, N call-backs and 0.4 N owners.

import { createRuntime, type Runtime } from "../local/emu/runtime";
import { type SheetKey, setDepartment, setSetting, sheetName } from "../sim/workbook";
import type { Callback } from "../src/domain/callback";
import type { Owner } from "../src/domain/owners";
import { encodeRow, mapHeaders } from "../src/sheets/codec";
import { SCHEMAS } from "../src/sheets/schema";
import { defaultOffice, generateHistory, generateOwners, generateServices, type History } from "./fixtures";

export const NOW = Date.parse("2026-11-24T02:00:00Z");

export interface Fixture extends History {
  services: Callback[];
  owners: Owner[];
}

/** `trails: false`: a workbook from before status trails (its history only in the Log). */
export function fixture(rows: number, { trails = true }: { trails?: boolean } = {}): Fixture {
  const office = defaultOffice();
  return {
    ...generateHistory(office, rows, NOW, { trails }),
    services: generateServices(office, rows, NOW),
    owners: generateOwners(Math.round(rows * 0.4)),
  };
}

/** Empty rows below the records, as set-up and the hourly upkeep keep them (typing room). */
const ROOM: Partial<Record<SheetKey, number>> = { complaints: 200, callbacks: 200, owners: 100 };

function fill<T>(rt: Runtime, key: SheetKey, records: readonly T[]) {
  const spec = SCHEMAS[key as keyof typeof SCHEMAS];
  rt.meter.quietly(() => {
    const sheet = rt.sheets.spreadsheet.getSheetByName(sheetName(rt, key));
    if (!sheet) throw new Error(`no ${key}`);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const map = mapHeaders(spec.columns, header);
    const { codec } = defaultOffice();
    const rows = records.map((r) => encodeRow(spec as never, map, r as never, codec));
    const need = rows.length + 1 + (ROOM[key] ?? 1) - sheet.getMaxRows();
    if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
    if (rows.length) sheet.getRange(2, 1, rows.length, map.width).setValues(rows);
  });
}

/** A set-up, staffed office holding the fixture's records. */
export async function officeWith(data: Fixture): Promise<Runtime> {
  const rt = await createRuntime({ now: new Date(NOW), user: "desk1@office.example", locale: "zh_CN" });
  rt.run("setupWorkbook");
  setSetting(rt, "manager.email", "manager@office.example");
  ["安防", "工程维修", "环境", "客服", "停车"].forEach((d, i) =>
    setDepartment(rt, d, "", `head${i}@office.example`, [`handler${i}@office.example`]),
  );
  fill(rt, "complaints", data.complaints);
  fill(rt, "log", data.log);
  fill(rt, "callbacks", data.services);
  fill(rt, "owners", data.owners);
  // The ID high-water marks the desk kept while it made these records.
  const year = new Date(NOW + 8 * 3_600_000).getUTCFullYear();
  rt.properties.document.set(`ids.highWater.${year}`, String(data.complaints.length));
  rt.properties.document.set(`ids.HF.highWater.${year}`, String(data.services.length));
  // Someone opened a dialog a moment ago: the office's lists are in the cache, as they are
  // for most of a working day (a cold start is measured as an action of its own).
  rt.meter.quietly(() => rt.callFromDialog("getIntakeOptions"));
  return rt;
}
