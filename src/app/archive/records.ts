// An archive file's complaints and call-backs as records, read by header name like a live
// sheet (the file keeps the header its rows were read under, in either language).
import type { ArchiveFile } from "../../domain/archive";
import type { Callback } from "../../domain/callback";
import type { Complaint } from "../../domain/complaint";
import { decodeRows, mapHeaders } from "../../sheets/codec";
import { SCHEMAS, type SheetSpec } from "../../sheets/schema";
import type { Office } from "../office";

function recordsIn<T>(office: Office, file: ArchiveFile, which: "complaints" | "callbacks"): T[] {
  const spec = SCHEMAS[which] as unknown as SheetSpec<T>;
  const { header, rows } = file.sheets[which];
  return decodeRows(spec, mapHeaders(spec.columns, header), rows, office.codec).records;
}

export const complaintsIn = (office: Office, file: ArchiveFile) =>
  recordsIn<Complaint>(office, file, "complaints");
export const callbacksIn = (office: Office, file: ArchiveFile) =>
  recordsIn<Callback>(office, file, "callbacks");
