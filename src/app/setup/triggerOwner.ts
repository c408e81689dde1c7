// The record of whose triggers run the desk, kept in document properties: installable triggers
// belong to the account that made them and are invisible to every other, so only that account
// may repair them (or a second set would run), and a trigger cannot be asked its hour.
import { readDocumentJson, writeDocumentJson } from "../../gas/identity";
import type { CurrentUser } from "../identity";
import type { Office } from "../office";

export interface TriggerOwner {
  email: string;
  /** When they were installed (ms). */
  at: number;
  /** The hour and zone the digest trigger was installed for (a trigger cannot be asked). */
  digestHour: number;
  zone: string;
}

const OWNER_KEY = "desk.triggers";

export const sameAccount = (a: string, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

export function readOwner(): TriggerOwner | null {
  return readDocumentJson<TriggerOwner | null>(OWNER_KEY, null);
}

/** Records this account as the owner, with the digest hour and zone its triggers were made for. */
export function writeOwner(office: Office, me: CurrentUser) {
  const record: TriggerOwner = {
    email: me.email,
    at: office.now.getTime(),
    digestHour: office.settings.digestHour,
    zone: office.settings.timeZone,
  };
  writeDocumentJson(OWNER_KEY, record);
}

/** The digest trigger was made for another hour or zone than Settings now name. */
export function digestIsStale(owner: TriggerOwner, office: Office): boolean {
  return owner.digestHour !== office.settings.digestHour || owner.zone !== office.settings.timeZone;
}
