// setValues takes exactly the range's shape or nothing at all; and the time writes and
// reads take at three sizes, so a per-call and a per-cell cost can be fitted.
import type { ParityGlobals, Recorder } from "../report";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ROWS_ERROR = /number of rows in the data does not match the number of rows in the range/i;
const COLUMNS_ERROR = /number of columns in the data does not match the number of columns in the range/i;
const COLUMNS = 10;

export function setValuesSizes(g: ParityGlobals, r: Recorder, scratch: () => Sheet): void {
  const sheet = scratch();
  const range = sheet.getRange(1, 1, 2, 3);
  r.throws(
    "3 rows into a 2×3 range are refused",
    () =>
      range.setValues([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    ROWS_ERROR,
  );
  r.throws(
    "2 columns into a 2×3 range are refused",
    () =>
      range.setValues([
        [1, 2],
        [3, 4],
      ]),
    COLUMNS_ERROR,
  );
  r.throws(
    "a ragged array is refused",
    () =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    COLUMNS_ERROR,
  );
  r.same("nothing of a refused write lands", range.getValues(), [
    ["", "", ""],
    ["", "", ""],
  ]);
  range.setValues([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  r.same("the range's own shape is written", range.getValues(), [
    [1, 2, 3],
    [4, 5, 6],
  ]);

  for (const rows of [10, 100, 1000]) {
    const cells = rows * COLUMNS;
    const block = sheet.getRange(1, 1, rows, COLUMNS);
    const data = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: COLUMNS }, (_, j) => i * COLUMNS + j),
    );
    r.time("SpreadsheetApp.Range.setValues", cells, 1, () => block.setValues(data));
    r.time("SpreadsheetApp.SpreadsheetApp.flush", cells, 1, () => g.SpreadsheetApp.flush());
    const back = r.time("SpreadsheetApp.Range.getValues", cells, 1, () => block.getValues());
    r.time("SpreadsheetApp.Range.getDisplayValues", cells, 1, () => block.getDisplayValues());
    r.same(`${cells} cells read back as written`, back[rows - 1]?.[COLUMNS - 1], cells - 1);
  }
}
