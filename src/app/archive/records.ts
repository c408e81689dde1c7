// An archive file's complaints and call-backs as records, read by header name like a live
// sheet (the file keeps the header its rows were read under, in either language).
import type { ArchiveFile } from "../../domain/archive";
import type { Callback } from "../../domain/callback";
import type { Complaint } from "../../domain/complaint";
import { decodeRows, mapHeaders } from "../../sheets/codec";
import { SCHEMAS } from "../../sheets/schema";
import type { Office } from "../office";

export function complaintsIn(office: Office, file: ArchiveFile): Complaint[] {
  const { header, rows } = file.sheets.complaints;
  return decodeRows<Complaint>(
    SCHEMAS.complaints,
    mapHeaders(SCHEMAS.complaints.columns, header),
    rows,
    office.codec,
  ).records;
}

export function callbacksIn(office: Office, file: ArchiveFile): Callback[] {
  const { header, rows } = file.sheets.callbacks;
  return decodeRows<Callback>(
    SCHEMAS.callbacks,
    mapHeaders(SCHEMAS.callbacks.columns, header),
    rows,
    office.codec,
  ).records;
}
