// A busy office's records over years, as the desk would have written them: complaints and
// repair/housekeeping services arrive every day; people work each complaint through its
// statuses (the desk's own rules decide what every edit writes and logs), owners are called
// back, complaints close or reopen; and at every hourly tick the hourly run's share is done with
// the desk's own planners: deadlines re-scored while paused (and logged), reminders and
// escalations, call-back reminders, the manager's digest. What changed comes out as the rows
// to write since the last take, so a workbook can be filled month by month without running the
// desk through every day of five years. Pure: no Apps Script, no runtime.
import { type Random, random } from "../../sim/scenario";
import {
  applyOutcome,
  type Callback,
  type CallbackSource,
  dueAtOf,
  emptyCallback,
  type Outcome,
  possibleStates,
  type Satisfaction,
} from "../../src/domain/callback";
import { type Complaint, emptyComplaint, type Status } from "../../src/domain/complaint";
import { formatLocal } from "../../src/domain/dates";
import { startOfLocalDay } from "../../src/domain/digest";
import { formatId, type IdPrefix } from "../../src/domain/ids";
import type { LogEntry, LogField, StatusChange } from "../../src/domain/log";
import { recordOf } from "../../src/domain/notices";
import { registerComplaint } from "../../src/domain/register";
import { planRowEdit, scoreComplaint } from "../../src/domain/rowEdit";
import { formatTrail } from "../../src/domain/trail";
import { applyTransition } from "../../src/domain/workflow";
import { choiceLabel } from "../../src/sheets/codec";
import type { Office } from "../fixtures";
import { Agenda } from "./agenda";
import { type Case, HourlyShare } from "./hourlyShare";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The hours people take complaints in and finish services in, office-local. */
const COMPLAINT_HOURS = [7, 21] as const;
const SERVICE_HOURS = [8, 20] as const;

export interface BusyOptions {
  /** Office-local midnight (ms) the office opens its workbook. */
  start: number;
  complaintsPerDay: number;
  servicesPerDay: number;
  /** Where the hourly trigger fires within each hour (ms past the hour). */
  tickPhaseMs: number;
  /** Who owns the triggers: the Log names them for what the hourly run writes. */
  triggerOwner: string;
  desk: readonly string[];
  seed?: number;
}

/** A Sent record as last written: when, its latest key, the email's subject. */
export interface SentLine {
  at: Date;
  key: string;
  subject: string;
}

/** The rows to write since the last take, each record at its latest state. */
export interface Writes {
  complaints: Map<string, Complaint>;
  callbacks: Map<string, Callback>;
  /** In the order the desk appended them. */
  log: LogEntry[];
  /** By Sent record (recordOf): a call-back reminded daily keeps one row. */
  sent: Map<string, SentLine>;
}

/** Totals since the office opened, for the report. */
export interface Counts {
  complaints: number;
  services: number;
  complaintCallbacks: number;
  followUps: number;
  log: number;
  /** Reminder emails the hourly runs sent (one per person per run). */
  emails: number;
}

const PLACES = ["楼道", "电梯厅", "地下车库", "大堂", "屋面", "绿化带", "单元门口", "卫生间", "厨房", "阳台"];
const SERVICE_JOBS: readonly { source: CallbackSource; content: string; dept: string }[] = [
  { source: "repair", content: "更换厨房水龙头", dept: "工程维修" },
  { source: "repair", content: "疏通卫生间下水道", dept: "工程维修" },
  { source: "repair", content: "更换入户门锁芯", dept: "工程维修" },
  { source: "repair", content: "修复阳台漏水", dept: "工程维修" },
  { source: "housekeeping", content: "家政：入住前深度保洁", dept: "客服" },
  { source: "housekeeping", content: "家政：空调清洗", dept: "客服" },
];

/**
 * The office, moving through time: `advance(to)` runs every person's step and every hourly
 * tick up to `to`; `take()` hands over the rows changed since the last take. In `shadow` the
 * ticks only keep the ledger (the real desk is running those hours and writes their rows).
 */
export class BusyOffice {
  readonly counts: Counts = {
    complaints: 0,
    services: 0,
    complaintCallbacks: 0,
    followUps: 0,
    log: 0,
    emails: 0,
  };
  /** The clock: everything up to here has happened. */
  now: number;
  private readonly r: Random;
  private readonly agenda = new Agenda();
  private nextTick: number;
  private arrivalsUntil: number;
  /** Complaints still being worked on (the hourly run re-scores and reminds about these). */
  private readonly working = new Map<string, Case>();
  /** Resolved complaints waiting for their call-back. */
  private readonly resolved = new Map<string, Case>();
  private readonly pending = new Map<string, Callback>();
  /** Complaints whose owner is away: every call-back try fails. */
  private readonly away = new Set<string>();
  /** Complaints reopened once by an unhappy owner. */
  private readonly reopened = new Set<string>();
  private readonly seqs = new Map<string, number>();
  /** Recent complaints by unit and by place, for the desk's repeat check. */
  private readonly recent = new Map<string, Complaint[]>();
  private readonly hourly: HourlyShare;
  private writes: Writes = emptyWrites();
  private readonly label: (s: Status) => string;

  constructor(
    private readonly office: Office,
    private readonly options: BusyOptions,
  ) {
    this.r = random(options.seed ?? 20_260_101);
    this.now = options.start;
    this.nextTick = options.start + options.tickPhaseMs + HOUR;
    this.arrivalsUntil = options.start;
    this.label = (s) => choiceLabel("status", s, office.codec.t);
    this.hourly = new HourlyShare({
      office,
      triggerOwner: options.triggerOwner,
      working: this.working,
      pending: this.pending,
      touch: (kase) => this.touch(kase),
      log: (at, item, field, from, to, who, note) => this.log(at, item, field, from, to, who, note),
      logValue: (field, value) => this.logValue(field, value),
      sent: (at, key, subject) => this.sent(at, key, subject),
      emailed: () => {
        this.counts.emails += 1;
      },
    });
  }

  /** Everything up to `to` happens; ticks run the hourly run's share unless `shadow`. */
  advance(to: number, { shadow = false }: { shadow?: boolean } = {}) {
    while (this.arrivalsUntil <= to) {
      this.scheduleDay(this.arrivalsUntil);
      this.arrivalsUntil += DAY;
    }
    for (;;) {
      const next = this.agenda.peek();
      const eventFirst = next !== undefined && next.at < this.nextTick;
      const at = eventFirst ? (next?.at ?? to) : this.nextTick;
      if (at > to) break;
      this.now = at;
      if (eventFirst) this.agenda.pop()?.run();
      else {
        this.hourly.tick(at, shadow);
        this.nextTick += HOUR;
      }
    }
    this.now = to;
  }

  /** The rows changed since the last take. */
  take(): Writes {
    const out = this.writes;
    this.writes = emptyWrites();
    return out;
  }

  /** The last sequence number handed out per prefix and year ("TS.2026"), as the desk's high-water marks. */
  highWater(): ReadonlyMap<string, number> {
    return this.seqs;
  }

  /** Records the desk made itself (a typed row, a call-back) took IDs: continue after them. */
  reserveAfter(prefix: IdPrefix, year: number, seq: number) {
    const key = `${prefix}.${year}`;
    this.seqs.set(key, Math.max(this.seqs.get(key) ?? 0, seq));
  }

  /** Complaints being worked on or waiting for a call-back now. */
  get openComplaints(): number {
    return this.working.size + this.resolved.size;
  }

  get pendingCallbacks(): number {
    return this.pending.size;
  }

  // ---- Arrivals ------------------------------------------------------------------------

  private scheduleDay(dayStart: number) {
    const r = this.r;
    const at = (hours: readonly [number, number]) =>
      dayStart + r.int(hours[0] * 60, hours[1] * 60 - 1) * MINUTE;
    for (let i = 0; i < this.options.complaintsPerDay; i++) {
      const when = at(COMPLAINT_HOURS);
      this.agenda.add(when, () => this.arrive(when));
    }
    for (let i = 0; i < this.options.servicesPerDay; i++) {
      const when = at(SERVICE_HOURS);
      this.agenda.add(when, () => this.serviceDone(when));
    }
  }

  private id(prefix: IdPrefix, at: number): string {
    const year = new Date(at + this.office.codec.utcOffsetMinutes * MINUTE).getUTCFullYear();
    const key = `${prefix}.${year}`;
    const seq = (this.seqs.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    return formatId(year, seq, prefix);
  }

  private unit(): string {
    const r = this.r;
    return `${r.int(1, 30)}栋${r.int(1, 4)}单元${r.int(1, 33)}0${r.int(1, 4)}`;
  }

  private earlier(unit: string, place: string, at: number): Complaint[] {
    const since = at - this.office.settings.recurrenceWindowDays * DAY;
    const keep = (k: string) => {
      const list = (this.recent.get(k) ?? []).filter((c) => (c.receivedAt?.getTime() ?? 0) >= since);
      if (list.length) this.recent.set(k, list);
      else this.recent.delete(k);
      return list;
    };
    return [...keep(`u:${unit}`), ...keep(`p:${place}`)];
  }

  private remember(c: Complaint) {
    for (const k of [`u:${c.unit}`, `p:${c.category}|${c.location}`]) {
      const list = this.recent.get(k) ?? [];
      list.push(c);
      this.recent.set(k, list);
    }
  }

  private arrive(at: number) {
    const { settings, calendar } = this.office;
    const r = this.r;
    const target = r.pick(settings.categories);
    const who = r.pick(this.options.desk);
    const unit = this.unit();
    const location = `${r.int(1, 30)}栋${r.pick(PLACES)}`;
    const draft: Complaint = {
      ...emptyComplaint(),
      receivedAt: new Date(at),
      channel: r.pick(["phone", "phone", "visit", "wechat"] as const),
      unit,
      owner: "业主",
      contact: `139${String(r.int(10_000_000, 99_999_999))}`,
      category: target?.category ?? "其他",
      severity: target?.severity ?? "normal",
      location,
      content: "楼道灯不亮，晚上出行不便，请尽快维修。",
    };
    const id = this.id("TS", at);
    const c = registerComplaint(draft, {
      id,
      who,
      now: new Date(at),
      settings,
      calendar,
      earlier: this.earlier(unit, `${draft.category}|${location}`, at),
    });
    const history: StatusChange[] = [{ at, to: "new" }];
    const kase: Case = { c: { ...c, trail: this.trail(history) }, history, sent: [], quietUntil: 0 };
    this.remember(kase.c);
    this.working.set(id, kase);
    this.counts.complaints += 1;
    this.log(at, id, "created", "", c.unit, who, c.recurrenceOf ? `↺ ${c.recurrenceOf}` : "");
    this.touch(kase);
    this.plan(kase, at, who);
  }

  /** How people work a complaint: late ones (30 %), pauses (20 %), a long tail (10 %). */
  private plan(kase: Case, at: number, who: string) {
    const r = this.r;
    const late = r.next() < 0.3;
    const ack = at + (late ? r.int(20, 30) : r.int(1, 4)) * HOUR + r.int(0, 59) * MINUTE;
    const handler = this.handlerOf(kase.c.department);
    const fixHours = r.int(2, 20);
    let resolveAt = ack + Math.round(fixHours * (late ? 3 : 1.2)) * HOUR;
    if (r.next() < 0.1) resolveAt += r.int(3, 10) * DAY;
    this.agenda.add(ack, () => this.move(kase, "acknowledged", ack, who));
    this.agenda.add(ack + 20 * MINUTE, () =>
      this.move(kase, "in_progress", ack + 20 * MINUTE, handler, {
        assignee: handler,
        cause: "现场核实属实",
      }),
    );
    if (r.next() < 0.2) {
      const pauseAt = ack + HOUR;
      const kind = r.pick(this.office.settings.pauseKinds);
      this.agenda.add(pauseAt, () =>
        this.move(kase, "paused", pauseAt, handler, { pauseKind: kind, pauseReason: "等待配件到货" }),
      );
      this.agenda.add(pauseAt + 20 * HOUR, () =>
        this.move(kase, "in_progress", pauseAt + 20 * HOUR, handler),
      );
      resolveAt += 20 * HOUR;
    }
    this.resolveLater(kase, resolveAt, handler);
  }

  private resolveLater(kase: Case, at: number, handler: string) {
    this.agenda.add(at, () => {
      const fields: Partial<Complaint> = { measures: "已处理并告知业主" };
      if (kase.c.recurrenceOf && !kase.c.rootCause) fields.rootCause = "同类问题反复出现，已排查根源";
      this.move(kase, "resolved", at, handler, fields);
      this.working.delete(kase.c.id);
      this.resolved.set(kase.c.id, kase);
      const cb = this.newCallback(at, {
        source: "complaint",
        ref: kase.c.id,
        unit: kase.c.unit,
        owner: kase.c.owner,
        contact: kase.c.contact,
        content: kase.c.content,
        doneAt: kase.c.resolvedAt ?? new Date(at),
        handler: kase.c.assignee,
        department: kase.c.department,
        loggedBy: kase.c.receivedBy,
      });
      this.counts.complaintCallbacks += 1;
      const callAt = at + (this.r.next() < 0.85 ? 18 * HOUR : this.r.int(30, 60) * HOUR);
      this.callLater(cb, callAt, 1, kase);
    });
  }

  /** A person changes the status in the sheet: the desk's onEdit plan decides what is written and logged. */
  private move(kase: Case, to: Status, at: number, who: string, typed: Partial<Complaint> = {}) {
    const { settings, calendar } = this.office;
    const record: Complaint = { ...kase.c, ...typed, status: to };
    const plan = planRowEdit({
      record,
      history: kase.history,
      edited: new Set(["status", ...Object.keys(typed)]),
      now: new Date(at),
      who,
      statusReadable: true,
      settings,
      calendar,
    });
    if (plan.refused)
      throw new Error(`${kase.c.id}: ${kase.c.status} → ${to} refused (${plan.refused.code})`);
    kase.history = plan.history;
    kase.c = { ...record, ...plan.set, trail: this.trail(plan.history) };
    for (const ch of plan.changes) {
      const note = ch.note ?? "";
      this.log(
        at,
        kase.c.id,
        ch.field,
        this.logValue(ch.field, ch.from),
        this.logValue(ch.field, ch.to),
        who,
        note,
      );
    }
    this.touch(kase);
  }

  /** A call-back's outcome moves the complaint (close or reopen), as the desk's moveComplaint does. */
  private moveByCall(kase: Case, to: Status, at: number, who: string, note: string) {
    const before = kase.c.status;
    const moved = applyTransition(kase.c, { to, who, at: new Date(at) });
    const history = [...kase.history, { at, to }];
    const sla = scoreComplaint(moved, history, { now: new Date(at), ...this.office });
    kase.history = history;
    kase.c = {
      ...moved,
      ...(sla
        ? {
            responseDue: new Date(sla.responseDue),
            resolutionDue: sla.resolutionDue === null ? null : new Date(sla.resolutionDue),
            slaState: sla.state,
          }
        : {}),
      trail: this.trail(history),
    };
    this.log(at, kase.c.id, "status", this.label(before), this.label(to), who, note);
    this.touch(kase);
  }

  // ---- Call-backs ----------------------------------------------------------------------

  private newCallback(at: number, fields: Partial<Callback>): Callback {
    const draft: Callback = { ...emptyCallback(), ...fields, id: this.id("HF", at) };
    const cb = this.scheduled(draft);
    if (cb.state === "pending") this.pending.set(cb.id, cb);
    this.writes.callbacks.set(cb.id, cb);
    return cb;
  }

  /** What the desk computes for a call-back from its own cells: its state and due time. */
  private scheduled(cb: Callback): Callback {
    const { settings, calendar } = this.office;
    const allowed = possibleStates(cb, settings.callbacks.maxAttempts);
    const state = cb.state && allowed.includes(cb.state) ? cb.state : (allowed[0] ?? "pending");
    return { ...cb, state, dueAt: dueAtOf({ ...cb, state }, settings.callbacks, calendar) };
  }

  private serviceDone(at: number) {
    const r = this.r;
    const job = r.pick(SERVICE_JOBS);
    const cb = this.newCallback(at, {
      source: job?.source ?? "repair",
      unit: this.unit(),
      owner: "业主",
      contact: `138${String(r.int(10_000_000, 99_999_999))}`,
      content: job?.content ?? "",
      doneAt: new Date(at),
      handler: this.handlerOf(job?.dept ?? ""),
      department: job?.dept ?? "",
      loggedBy: r.pick(this.options.desk),
    });
    this.counts.services += 1;
    this.callLater(cb, this.serviceCallTime(cb), 1, null);
  }

  /** Most services are called back on the day they fall due (after its first reminder); some early, some late. */
  private serviceCallTime(cb: Callback): number {
    const r = this.r;
    const due = cb.dueAt?.getTime() ?? this.now;
    const done = cb.doneAt?.getTime() ?? this.now;
    const roll = r.next();
    if (roll < 0.2) return done + r.int(20, 30) * HOUR;
    const dueDay = startOfLocalDay(due, this.office.codec.utcOffsetMinutes);
    const day = roll < 0.9 ? dueDay : dueDay + r.int(1, 3) * DAY;
    return Math.max(done + HOUR, day + r.int(9 * 60, 17 * 60) * MINUTE);
  }

  private callLater(cb: Callback, at: number, attempt: number, kase: Case | null) {
    this.agenda.add(at, () => this.call(cb.id, at, attempt, kase));
  }

  private call(id: string, at: number, attempt: number, kase: Case | null) {
    const cb = this.pending.get(id);
    if (!cb) return;
    const who = cb.loggedBy || (this.options.desk[0] ?? "");
    const outcome = kase ? this.complaintAnswer(kase.c.id, attempt, at) : this.serviceAnswer(attempt, at);
    const { settings, calendar } = this.office;
    const { record, consequence } = applyOutcome(cb, outcome, who, settings.callbacks, calendar);
    this.writes.callbacks.set(record.id, record);
    if (record.state === "pending") this.pending.set(record.id, record);
    else this.pending.delete(record.id);
    const answer = record.satisfaction
      ? choiceLabel("satisfaction", record.satisfaction, this.office.codec.t)
      : choiceLabel("cbResult", record.result, this.office.codec.t);
    const note = `${record.id}: ${record.remarks || answer}`;
    if (consequence === "tryAgain") this.callLater(record, at + DAY, attempt + 1, kase);
    else if (consequence === "closeComplaint" && kase) {
      this.moveByCall(kase, "closed", at, who, note);
      this.resolved.delete(kase.c.id);
      this.reopened.delete(kase.c.id);
      this.hourly.forget(kase);
    } else if (consequence === "reopenComplaint" && kase) {
      this.moveByCall(kase, "reopened", at, who, note);
      this.reopened.add(kase.c.id);
      this.resolved.delete(kase.c.id);
      this.working.set(kase.c.id, kase);
      const handler = kase.c.assignee || this.handlerOf(kase.c.department);
      this.agenda.add(at + 6 * HOUR, () => this.move(kase, "in_progress", at + 6 * HOUR, handler));
      this.resolveLater(kase, at + 26 * HOUR, handler);
    } else if (consequence === "followUpService") this.followUp(record, at, who);
  }

  /**
   * Owners who are away stay unreachable (8 %); others sometimes miss a call (12 %) or are
   * unhappy (10 %), once: a reopened complaint is put right the second time.
   */
  private complaintAnswer(id: string, attempt: number, at: number): Outcome {
    const r = this.r;
    if (attempt === 1 && r.next() < 0.08) this.away.add(id);
    if (this.away.has(id)) {
      if (attempt >= this.office.settings.callbacks.maxAttempts) this.away.delete(id);
      return answer("unreachable", "", at);
    }
    const roll = r.next();
    if (roll < 0.12) return answer("unreachable", "", at);
    if (roll < 0.22 && !this.reopened.has(id))
      return answer("reached", "dissatisfied", at, "问题还没有彻底解决，希望再来看看");
    return answer("reached", roll < 0.6 ? "very_satisfied" : "satisfied", at);
  }

  private serviceAnswer(attempt: number, at: number): Outcome {
    const roll = this.r.next();
    if (attempt < 3 && roll < 0.1) return answer("unreachable", "", at);
    if (attempt === 1 && roll < 0.15) return answer("reached", "dissatisfied", at, "维修后仍有问题");
    return answer("reached", roll < 0.6 ? "very_satisfied" : "satisfied", at);
  }

  /** An unhappy owner's repair is done again the next day, then called back like any service. */
  private followUp(done: Callback, at: number, who: string) {
    const t = this.office.codec.t;
    const follow = this.newCallback(at, {
      source: done.source,
      ref: done.id,
      unit: done.unit,
      owner: done.owner,
      contact: done.contact,
      content: t("cb.followUpContent", { id: done.id, remarks: done.remarks }),
      handler: done.handler,
      department: done.department,
      state: "waiting",
      loggedBy: who,
    });
    this.counts.followUps += 1;
    const fixed = at + 20 * HOUR;
    this.agenda.add(fixed, () => {
      const cb = this.scheduled({ ...follow, doneAt: new Date(fixed), state: "" });
      this.pending.set(cb.id, cb);
      this.writes.callbacks.set(cb.id, cb);
      this.callLater(cb, this.serviceCallTime(cb), 2, null);
    });
  }

  // ---- Rows ----------------------------------------------------------------------------

  private touch(kase: Case) {
    kase.quietUntil = 0;
    this.writes.complaints.set(kase.c.id, kase.c);
  }

  private sent(at: number, key: string, subject: string) {
    this.writes.sent.set(recordOf(key), { at: new Date(at), key, subject });
  }

  private log(
    at: number,
    item: string,
    field: LogField,
    from: string,
    to: string,
    who: string,
    note: string,
  ) {
    this.writes.log.push({ at: new Date(at), item, field, from, to, who, note });
    this.counts.log += 1;
  }

  private logValue(field: LogField, value: unknown): string {
    if (field === "status") return this.label(String(value) as Status);
    if (value instanceof Date) return formatLocal(value.getTime(), this.office.codec.utcOffsetMinutes);
    return value === null || value === undefined ? "" : String(value);
  }

  private trail(history: readonly StatusChange[]): string {
    return formatTrail(history, this.office.codec.utcOffsetMinutes, this.label);
  }

  private handlerOf(department: string): string {
    const d = this.office.settings.departments.find((x) => x.name === department);
    return d?.handlerEmails[0] ?? this.options.desk[0] ?? "";
  }
}

function emptyWrites(): Writes {
  return { complaints: new Map(), callbacks: new Map(), log: [], sent: new Map() };
}

function answer(
  result: "reached" | "unreachable",
  satisfaction: Satisfaction | "",
  at: number,
  remarks = "",
): Outcome {
  return { method: "phone", result, satisfaction, remarks, followUp: "", calledAt: at };
}
