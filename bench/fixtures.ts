// Generates a busy office's history: N complaints over the last 60 days with their Log,
// as the desk itself would have written them, for the benchmark.

import { random } from "../sim/scenario";
import type { BusinessCalendar } from "../src/domain/calendar";
import { addBusinessMinutes } from "../src/domain/calendar";
import { type Callback, callbackDue, emptyCallback } from "../src/domain/callback";
import { type Complaint, emptyComplaint, isOpen, SEVERITIES, type Status } from "../src/domain/complaint";
import type { LogEntry, StatusChange } from "../src/domain/log";
import type { Owner } from "../src/domain/owners";
import { registerComplaint } from "../src/domain/register";
import { scoreComplaint } from "../src/domain/rowEdit";
import type { OfficeSettings } from "../src/domain/settings";
import { formatTrail } from "../src/domain/trail";
import { applyTransition } from "../src/domain/workflow";
import { translator } from "../src/i18n/messages";
import { type Codec, choiceLabel } from "../src/sheets/codec";
import { defaultCategories, defaultDepartments, SETTING_DEFAULTS } from "../src/sheets/defaults";
import { seedDays } from "../src/sheets/holidaySeed";
import { buildCalendar, readSettings } from "../src/sheets/settings";

export interface Office {
  settings: OfficeSettings;
  calendar: BusinessCalendar;
  codec: Codec;
}

export function defaultOffice(managerEmail = "manager@office.example"): Office {
  const language = "zh-CN" as const;
  const rows = SETTING_DEFAULTS.map((d) => ({
    key: d.key,
    value: d.key === "manager.email" ? managerEmail : d.value[language],
    note: "",
  }));
  const departments = defaultDepartments(language).map((d, i) => ({
    ...d,
    headEmail: `head${i}@office.example`,
    handlerEmails: `handler${i}@office.example`,
  }));
  const { settings } = readSettings(rows, defaultCategories(language), departments, language);
  const holidays = seedDays(2025, language).map((d) => ({
    date: new Date(Date.parse(`${d.date}T00:00:00Z`) - 480 * 60_000),
    type: d.type,
    name: d.name,
  }));
  const codec: Codec = { language, utcOffsetMinutes: 480, t: translator(language) };
  return { settings, calendar: buildCalendar(settings, holidays, 480), codec };
}

export interface History {
  complaints: Complaint[];
  log: LogEntry[];
}

const HOUR = 3_600_000;

/**
 * N complaints received over the 60 days before `now`; older ones mostly closed. Each carries
 * what the desk writes as it goes: step stamps, the status trail, and the deadlines and SLA
 * state scored at its last move. `trails: false` leaves the trail out, as in a workbook from
 * before trails existed (the Log alone holds the history).
 */
export function generateHistory(
  office: Office,
  n: number,
  now: number,
  { seed = 7, trails = true }: { seed?: number; trails?: boolean } = {},
): History {
  const r = random(seed);
  const categories = office.settings.categories;
  const t = office.codec.t;
  const label = (s: Status) => choiceLabel("status", s, t);
  const complaints: Complaint[] = [];
  const log: LogEntry[] = [];
  // Rows are appended as complaints come in: oldest first, IDs in the same order.
  const times = Array.from(
    { length: n },
    () => now - Math.floor(r.next() * 60 * 24) * HOUR - r.int(0, 59) * 60_000,
  ).sort((a, b) => a - b);
  for (let i = 0; i < n; i++) {
    const target = categories[r.int(0, categories.length - 1)];
    const receivedAt = times[i] ?? now;
    const id = `TS-2026-${String(i + 1).padStart(6, "0")}`;
    const draft: Complaint = {
      ...emptyComplaint(),
      receivedAt: new Date(receivedAt),
      channel: "phone",
      unit: `${r.int(1, 30)}栋${r.int(1, 4)}单元${r.int(1, 33)}0${r.int(1, 4)}`,
      owner: "业主",
      contact: `139${String(r.int(10_000_000, 99_999_999))}`,
      category: target?.category ?? "其他",
      severity: target?.severity ?? SEVERITIES[0],
      location: `${r.int(1, 30)}栋`,
      content: "楼道灯不亮，晚上出行不便，请尽快维修。",
    };
    const who = `desk${r.int(1, 3)}@office.example`;
    let c = registerComplaint(draft, {
      id,
      who,
      now: new Date(receivedAt),
      settings: office.settings,
      calendar: office.calendar,
      earlier: [],
    });
    const entry = (at: number, field: LogEntry["field"], from: string, to: string): LogEntry => ({
      at: new Date(at),
      item: id,
      field,
      from,
      to,
      who,
      note: "",
    });
    log.push(entry(receivedAt, "created", "", c.unit));
    const history: StatusChange[] = [{ at: receivedAt, to: "new" }];
    const age = now - receivedAt;
    const path: Status[] = ["acknowledged", "in_progress", "resolved", "closed"];
    const steps = age > 10 * 24 * HOUR ? 4 : Math.min(4, Math.floor(r.next() * 4));
    let at = receivedAt;
    for (let s = 0; s < steps; s++) {
      const next = addBusinessMinutes(office.calendar, at, r.int(30, 600));
      if (next >= now) break;
      at = next;
      const to = path[s] ?? "closed";
      log.push(entry(at, "status", label(c.status), label(to)));
      c = applyTransition(c, { to, who, at: new Date(at) });
      history.push({ at, to });
    }
    // The figures the desk wrote: at the last move for a finished complaint, at the last
    // hourly run (an hour ago) for an open one.
    const scoredAt = isOpen(c.status) ? Math.max(at, now - HOUR) : at;
    const sla = scoreComplaint(c, history, { now: new Date(scoredAt), ...office });
    if (sla)
      c = {
        ...c,
        responseDue: new Date(sla.responseDue),
        resolutionDue: sla.resolutionDue === null ? null : new Date(sla.resolutionDue),
        slaState: sla.state,
      };
    complaints.push({
      ...c,
      trail: trails ? formatTrail(history, office.codec.utcOffsetMinutes, label) : "",
    });
  }
  // The Log is written as things happen.
  log.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { complaints, log };
}

/**
 * N repair and housekeeping call-backs over the same 60 days: most called back on time; the
 * rest are tried again until, a week past due, they are given up as unreachable after the
 * office's number of tries.
 */
export function generateServices(office: Office, n: number, now: number, seed = 11): Callback[] {
  const r = random(seed);
  const departments = office.settings.departments.map((d) => d.name);
  const out: Callback[] = [];
  const times = Array.from({ length: n }, () => now - Math.floor(r.next() * 60 * 24) * HOUR).sort(
    (a, b) => a - b,
  );
  for (let i = 0; i < n; i++) {
    const doneAt = times[i] ?? now;
    const due = callbackDue(doneAt, "repair", office.settings.callbacks, office.calendar);
    const called = due < now && r.next() < 0.8;
    const givenUp = !called && due < now - 7 * 24 * HOUR;
    const tries = office.settings.callbacks.maxAttempts;
    const lastTry = due + r.int(1, 6) * 24 * HOUR;
    out.push({
      ...emptyCallback(),
      id: `HF-2026-${String(i + 1).padStart(6, "0")}`,
      source: r.next() < 0.8 ? "repair" : "housekeeping",
      unit: `${r.int(1, 30)}栋${r.int(1, 4)}单元${r.int(1, 33)}0${r.int(1, 4)}`,
      owner: "业主",
      contact: `138${String(r.int(10_000_000, 99_999_999))}`,
      content: "更换厨房水龙头",
      doneAt: new Date(doneAt),
      handler: "repairs@office.example",
      department: departments[r.int(0, departments.length - 1)] ?? "",
      dueAt: new Date(due),
      calledAt: called ? new Date(due - r.int(0, 600) * 60_000) : givenUp ? new Date(lastTry) : null,
      calledBy: called || givenUp ? "desk1@office.example" : "",
      method: called || givenUp ? "phone" : "",
      result: called ? "reached" : givenUp ? "unreachable" : "",
      satisfaction: called ? (r.next() < 0.9 ? "satisfied" : "dissatisfied") : "",
      attempts: called ? 1 : givenUp ? tries : null,
      state: called ? "done" : givenUp ? "unreachable" : "pending",
      loggedBy: `desk${r.int(1, 3)}@office.example`,
    });
  }
  return out;
}

/** Units per building: 4 entrances × 33 floors × 4 flats. */
const UNITS_PER_BUILDING = 4 * 33 * 4;

/** N owners of distinct units. The compound has enough buildings for N with room to spare
 * (at least 60, the size of the complaints' compound and beyond), so picking at random never
 * runs out of free units (it used to loop forever above 31,680 owners). */
export function generateOwners(n: number, seed = 13): Owner[] {
  const r = random(seed);
  const buildings = Math.max(60, Math.ceil((n * 1.25) / UNITS_PER_BUILDING));
  const seen = new Set<string>();
  const out: Owner[] = [];
  while (out.length < n) {
    const unit = `${r.int(1, buildings)}栋${r.int(1, 4)}单元${r.int(1, 33)}0${r.int(1, 4)}`;
    if (seen.has(unit)) continue;
    seen.add(unit);
    out.push({
      unit,
      names: "业主",
      phones: `139${String(r.int(10_000_000, 99_999_999))}`,
      channel: "phone",
      keyOwner: "no",
      notes: "",
    });
  }
  return out;
}
