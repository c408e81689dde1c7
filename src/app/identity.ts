// Who did it. Google withholds the email in a simple onEdit from consumer accounts and
// other domains' users, so each person identifies once from a dialog (where the email is
// known); the desk keeps their anonymous key → email in document properties, bounded, and
// remembers editors it could not name so the health check can list them.
import { isEmail } from "../domain/email";
import { readDocumentJson, sessionEmail, temporaryUserKey, writeDocumentJson } from "../gas/identity";
import { withDocumentLock } from "../gas/services";
import { type Translate, translator } from "../i18n/messages";
import { officeLanguage } from "./setup";

export interface CurrentUser {
  /** "" when the desk does not know who this is. */
  email: string;
  known: boolean;
  /** A short, stable-for-a-month tag of the anonymous key: tells unknown editors apart. */
  tag: string;
}

const IDENTITIES = "desk.identities";
const UNIDENTIFIED = "desk.unidentified";
const DAY = 86_400_000;
/** Google rotates the temporary key every 30 days: older mappings name nobody. */
const KEY_LIFETIME = 31 * DAY;
const MAX_IDENTITIES = 60;
const MAX_UNIDENTIFIED = 20;
/** Keep each property well under the 9 KB a value may hold. */
const MAX_JSON = 8_000;
/** A sighting of an unknown editor is written at most this often (each edit would be too many writes). */
const SIGHTING_EVERY = 10 * 60_000;
/** A mapping is renewed on use when older than this, so it outlives the key's rotation by being re-made. */
const RENEW_AFTER = 7 * DAY;

type Identities = Record<string, { e: string; at: number }>;
type Sightings = Record<string, number>;

/** FNV-1a of the key, 4 hex digits: enough to tell an office's editors apart, reveals nothing. */
export function tagOf(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0").slice(0, 4);
}

/** Drops expired entries, then the oldest, until the map fits its count and size. */
function bounded<T>(
  map: Record<string, T>,
  at: (v: T) => number,
  now: number,
  max: number,
): Record<string, T> {
  const entries = Object.entries(map)
    .filter(([, v]) => now - at(v) < KEY_LIFETIME)
    .sort((a, b) => at(b[1]) - at(a[1]))
    .slice(0, max);
  while (entries.length && JSON.stringify(Object.fromEntries(entries)).length > MAX_JSON) entries.pop();
  return Object.fromEntries(entries);
}

/** The person running this execution, by email when Google says, else by their identification. */
export function currentUser(now = Date.now()): CurrentUser {
  const email = sessionEmail();
  if (email) {
    renewIdentity(email, now);
    return { email, known: true, tag: "" };
  }
  const key = temporaryUserKey();
  if (!key) return { email: "", known: false, tag: "" };
  const tag = tagOf(key);
  const found = readDocumentJson<Identities>(IDENTITIES, {})[key];
  if (found && now - found.at < KEY_LIFETIME && isEmail(found.e)) return { email: found.e, known: true, tag };
  noteUnidentified(key, now);
  return { email: "", known: false, tag };
}

/**
 * Someone who identified before, seen where Google gives their email (a dialog, a menu item):
 * their mapping follows their new key, so a month's key rotation needs no second identification.
 */
function renewIdentity(email: string, now: number) {
  const map = readDocumentJson<Identities>(IDENTITIES, {});
  const mine = Object.entries(map).filter(([, v]) => v.e.toLowerCase() === email.toLowerCase());
  if (!mine.length) return;
  const key = temporaryUserKey();
  const current = key ? map[key] : undefined;
  if (!key || (current && current.e === email && now - current.at < RENEW_AFTER)) return;
  for (const [k] of mine) delete map[k];
  map[key] = { e: email, at: now };
  writeDocumentJson(
    IDENTITIES,
    bounded(map, (v) => v.at, now, MAX_IDENTITIES),
  );
}

function noteUnidentified(key: string, now: number) {
  const seen = readDocumentJson<Sightings>(UNIDENTIFIED, {});
  const last = seen[key];
  if (last !== undefined && now - last < SIGHTING_EVERY) return;
  seen[key] = now;
  writeDocumentJson(
    UNIDENTIFIED,
    bounded(seen, (v) => v, now, MAX_UNIDENTIFIED),
  );
}

/** How a person is written into received-by, step stamps and the Log. */
export function userLabel(user: CurrentUser, t: Translate): string {
  return user.known ? user.email : t("identity.unknown", { tag: user.tag || "?" });
}

/** Editors seen without an identification, newest first, with when they were last seen (ms). */
export function unidentifiedEditors(now = Date.now()): { tag: string; at: number }[] {
  const seen = readDocumentJson<Sightings>(UNIDENTIFIED, {});
  return Object.entries(seen)
    .filter(([, at]) => now - at < KEY_LIFETIME)
    .sort((a, b) => b[1] - a[1])
    .map(([key, at]) => ({ tag: tagOf(key), at }));
}

export interface IdentityView {
  title: string;
  email: string;
  /** Already identified (or named by Google in every context). */
  known: boolean;
  text: string;
  labels: { confirm: string; close: string };
}

/** What the identify dialog shows: the email Google gives this dialog, and whether the desk knows it. */
export function identityView(t: Translate): IdentityView {
  const email = sessionEmail();
  const key = temporaryUserKey();
  const mapped = key ? readDocumentJson<Identities>(IDENTITIES, {})[key] : undefined;
  const known = !!email && mapped?.e === email && Date.now() - mapped.at < KEY_LIFETIME;
  const text = !email
    ? t("identity.noEmail", { label: userLabel({ email: "", known: false, tag: tagOf(key) }, t) })
    : t(known ? "identity.already" : "identity.detected", { email });
  return {
    title: t("identity.title"),
    email,
    known,
    text,
    labels: { confirm: t("identity.confirm"), close: t("intake.close") },
  };
}

/** Records this person's key → email; called from the dialog, where Google gives the email. */
export function identifySelf(t: Translate): { ok: boolean; message: string } {
  const email = sessionEmail();
  const key = temporaryUserKey();
  if (!email || !key || !isEmail(email))
    return {
      ok: false,
      message: t("identity.noEmail", { label: userLabel({ email: "", known: false, tag: tagOf(key) }, t) }),
    };
  const now = Date.now();
  withDocumentLock(10_000, () => {
    const map = readDocumentJson<Identities>(IDENTITIES, {});
    for (const [k, v] of Object.entries(map)) if (v.e.toLowerCase() === email.toLowerCase()) delete map[k];
    map[key] = { e: email, at: now };
    writeDocumentJson(
      IDENTITIES,
      bounded(map, (v) => v.at, now, MAX_IDENTITIES),
    );
    const seen = readDocumentJson<Sightings>(UNIDENTIFIED, {});
    if (key in seen) {
      delete seen[key];
      writeDocumentJson(UNIDENTIFIED, seen);
    }
  });
  return { ok: true, message: t("identity.done", { email }) };
}

/**
 * On open: a person the desk cannot name is asked (by a toast: a simple trigger may not open
 * dialogs) to identify from the menu.
 */
export function offerIdentification(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, t: Translate): void {
  if (sessionEmail()) return;
  const key = temporaryUserKey();
  const mapped = key ? readDocumentJson<Identities>(IDENTITIES, {})[key] : undefined;
  if (mapped && Date.now() - mapped.at < KEY_LIFETIME) return;
  ss.toast(t("identity.toast", { menu: t("menu.title"), item: t("menu.identify") }), t("identity.title"), 20);
}

const officeT = () => translator(officeLanguage(SpreadsheetApp.getActive()));

/** google.script.run targets of the identify dialog: they run as the person, so Google names them. */
export function identityFromDialog(): IdentityView {
  return identityView(officeT());
}

export function identifyFromDialog(): { ok: boolean; message: string } {
  return identifySelf(officeT());
}
