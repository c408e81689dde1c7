// A1 notation: "B3", "A2:D10", "A2:A" (open-ended), "Sheet 1!A1:B2", "'My sheet'!C:C".

export interface A1 {
  sheet?: string;
  row: number;
  column: number;
  /** null = to the last row / column of the sheet. */
  lastRow: number | null;
  lastColumn: number | null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const CELL = /^([A-Za-z]*)(\d*)$/;

export function parseA1(text: string): A1 {
  let rest = text.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [from = "", to] = rest.replace(/\$/g, "").split(":");
  const a = CELL.exec(from);
  const b = to === undefined ? a : CELL.exec(to);
  if (!a || !b || (!a[1] && !a[2])) throw new Error(`Range not found`);
  const row = a[2] ? Number(a[2]) : 1;
  const column = a[1] ? columnNumber(a[1]) : 1;
  const lastRow = b[2] ? Number(b[2]) : to === undefined ? row : null;
  const lastColumn = b[1] ? columnNumber(b[1]) : to === undefined ? column : null;
  return { sheet, row, column, lastRow, lastColumn };
}

export function toA1(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}
