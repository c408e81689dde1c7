// Reading the first sheet of an .xlsx in the browser, so an owner list is never uploaded as a
// file: an .xlsx is a zip of XML files. The XML parser is the browser's (DOMParser), passed in.

/** The little of an XML document this reader uses (a DOM Document or Element has it). */
export interface XmlNode {
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
export interface XmlElement extends XmlNode {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** The files of a zip, by name: a file's text, or null when there is no such file. */
export function unzip(buffer: ArrayBuffer): (name: string) => Promise<string | null> {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const utf8 = new TextDecoder();
  // The end-of-central-directory record, found from the end (a comment may follow it).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("not an .xlsx file");
  const files = new Map<string, { method: number; size: number; local: number }>();
  let ptr = view.getUint32(eocd + 16, true);
  for (let k = view.getUint16(eocd + 10, true); k > 0; k--) {
    const nameLength = view.getUint16(ptr + 28, true);
    const skip = nameLength + view.getUint16(ptr + 30, true) + view.getUint16(ptr + 32, true);
    files.set(utf8.decode(bytes.subarray(ptr + 46, ptr + 46 + nameLength)), {
      method: view.getUint16(ptr + 10, true),
      size: view.getUint32(ptr + 20, true),
      local: view.getUint32(ptr + 42, true),
    });
    ptr += 46 + skip;
  }
  return async (name) => {
    const f = files.get(name);
    if (!f) return null;
    const start = f.local + 30 + view.getUint16(f.local + 26, true) + view.getUint16(f.local + 28, true);
    const data = bytes.slice(start, start + f.size);
    if (f.method === 0) return utf8.decode(data);
    const inflated = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(inflated).text();
  };
}

/** A cell reference's column, from 0: "A7" → 0, "AB12" → 27; -1 without one. */
export function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "";
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

const texts = (el: XmlNode) => Array.from(el.getElementsByTagName("t"), (t) => t.textContent ?? "").join("");

/** The first sheet's rows of text: shared strings, inline strings and numbers as written. */
export async function readXlsx(buffer: ArrayBuffer, parseXml: (xml: string) => XmlNode): Promise<string[][]> {
  const file = unzip(buffer);
  const sharedXml = await file("xl/sharedStrings.xml");
  const shared = sharedXml ? Array.from(parseXml(sharedXml).getElementsByTagName("si"), texts) : [];
  const sheetXml = await file("xl/worksheets/sheet1.xml");
  if (!sheetXml) throw new Error("not an .xlsx file");
  return Array.from(parseXml(sheetXml).getElementsByTagName("row"), (row) => {
    const out: string[] = [];
    for (const c of Array.from(row.getElementsByTagName("c"))) {
      const type = c.getAttribute("t");
      const value = c.getElementsByTagName("v")[0]?.textContent ?? "";
      // A cell without a reference follows the one before it.
      const at = columnIndex(c.getAttribute("r") ?? "");
      out[at < 0 ? out.length : at] =
        type === "s" ? (shared[Number(value)] ?? "") : type === "inlineStr" ? texts(c) : value;
    }
    return Array.from(out, (x) => x ?? "");
  });
}

/** Rows as tab-separated text, quoting cells that hold a tab, a line break or a quote. */
export function asTsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[\t\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join("\t")).join("\n");
}
