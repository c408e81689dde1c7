// The hourly run's share of a busy office's hours, done with the desk's own planners as its
// run would: deadlines re-scored (a paused one moves, and the run logs it), reminders and
// escalations to each person in one email, call-back reminders once a day, the manager's digest.
// Its ledger (what went out) decides what is new, as the Sent sheet does for the desk.
import { type Callback, type CallbackNotice, planCallbackReminders } from "../../src/domain/callback";
import type { Complaint } from "../../src/domain/complaint";
import { formatLocal } from "../../src/domain/dates";
import { digestDay, startOfLocalDay } from "../../src/domain/digest";
import { isEmail } from "../../src/domain/email";
import { groupByRecipient, type Notice, planNotices, type TrackedItem } from "../../src/domain/escalation";
import type { LogField, StatusChange } from "../../src/domain/log";
import { encodeNotice } from "../../src/domain/notices";
import { sameTime, scoreComplaint } from "../../src/domain/rowEdit";
import type { OfficeSettings } from "../../src/domain/settings";
import type { SlaResult } from "../../src/domain/sla";
import type { Office } from "../fixtures";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** What one reminder email lists of each kind (emails.ts); the rest wait for the next run. */
const MAX_LISTED = 60;

/** A complaint as the office works it. */
export interface Case {
  c: Complaint;
  history: StatusChange[];
  /** Notice keys sent about it (its share of the Sent ledger, forgotten when it closes). */
  sent: string[];
  /** No notice can be new before this time (see nextThreshold); 0: plan at the next run. */
  quietUntil: number;
}

/** What the hourly share reads of the office, and where its rows go. */
export interface HourlyHost {
  office: Office;
  /** The triggers' owner: the Log names them for what the run writes. */
  triggerOwner: string;
  /** Complaints being worked on, by ID. */
  working: ReadonlyMap<string, Case>;
  /** Call-backs waiting for a call, by ID. */
  pending: ReadonlyMap<string, Callback>;
  /** The complaint's row changed. */
  touch(kase: Case): void;
  log(at: number, item: string, field: LogField, from: string, to: string, who: string, note: string): void;
  logValue(field: LogField, value: unknown): string;
  sent(at: number, key: string, subject: string): void;
  emailed(): void;
}

export class HourlyShare {
  private readonly digests = new Set<string>();
  /** Call-backs reminded about on the current day (one reminder a day each). */
  private remindedToday = new Set<string>();
  /** Complaint notices sent, of complaints not closed yet: the Sent ledger the run checks. */
  private readonly sentKeys = new Set<string>();
  private today = "";

  constructor(private readonly host: HourlyHost) {}

  /** A closed complaint's notices need not be remembered any more. */
  forget(kase: Case) {
    for (const key of kase.sent) this.sentKeys.delete(key);
  }

  /** One hourly run at `at`; in `shadow` the desk ran it, and only the ledger follows. */
  tick(at: number, shadow: boolean) {
    const offset = this.host.office.codec.utcOffsetMinutes;
    const day = formatLocal(at, offset, false);
    if (day !== this.today) {
      this.today = day;
      this.remindedToday = new Set();
    }
    const notices = planNotices(this.rescore(at, shadow), this.host.office.settings, at, {
      has: (key) => this.sentKeys.has(key),
    });
    // Only call-backs not reminded yet today can owe a reminder now.
    const owed = [...this.host.pending.values()].filter((c) => !this.remindedToday.has(c.id));
    const reminders = planCallbackReminders(owed, at, startOfLocalDay(at, offset) + DAY, day, NONE, isEmail);
    this.email(at, notices, reminders, shadow);
    this.digest(at, day, shadow);
  }

  /**
   * Re-scores what is being worked on, as the run does: a paused deadline moves, and the run
   * logs it. Returns the items planNotices could find something new for: a complaint whose
   * notices all went out is quiet until its next threshold (lead time, deadline, manager's delay).
   */
  private rescore(at: number, shadow: boolean): TrackedItem[] {
    const items: TrackedItem[] = [];
    const { settings } = this.host.office;
    for (const kase of this.host.working.values()) {
      const sla = scoreComplaint(kase.c, kase.history, { now: new Date(at), ...this.host.office });
      if (!sla) continue;
      const c = kase.c;
      const responseDue = new Date(sla.responseDue);
      const resolutionDue = sla.resolutionDue === null ? null : new Date(sla.resolutionDue);
      const moved: [LogField, Date | null, Date | null][] = [];
      if (!sameTime(c.responseDue, responseDue)) moved.push(["responseDue", c.responseDue, responseDue]);
      if (!sameTime(c.resolutionDue, resolutionDue))
        moved.push(["resolutionDue", c.resolutionDue, resolutionDue]);
      if (moved.length || c.slaState !== sla.state) {
        kase.c = { ...c, responseDue, resolutionDue, slaState: sla.state };
        this.host.touch(kase);
      }
      if (!shadow)
        for (const [field, from, to] of moved)
          this.host.log(
            at,
            c.id,
            field,
            this.host.logValue(field, from),
            this.host.logValue(field, to),
            this.host.triggerOwner,
            this.host.office.codec.t("log.rescored"),
          );
      if (at < kase.quietUntil) continue;
      kase.quietUntil = nextThreshold(sla, settings, at);
      items.push({ complaint: kase.c, sla });
    }
    return items;
  }

  /** One email per person: their complaint notices and the call-backs they owe, at most MAX_LISTED of each. */
  private email(
    at: number,
    notices: readonly Notice[],
    reminders: readonly CallbackNotice[],
    shadow: boolean,
  ) {
    const people = new Map<string, { notices: Notice[]; callbacks: CallbackNotice[] }>();
    const person = (to: string) => {
      const k = to.toLowerCase();
      const p = people.get(k) ?? { notices: [], callbacks: [] };
      people.set(k, p);
      return p;
    };
    for (const group of groupByRecipient(notices).values())
      for (const n of group) person(n.recipient).notices.push(n);
    for (const c of reminders) person(c.recipient).callbacks.push(c);
    const t = this.host.office.codec.t;
    const officeName = this.host.office.settings.officeName;
    for (const p of people.values()) {
      const listed = p.notices.slice(0, MAX_LISTED);
      const calls = p.callbacks.slice(0, MAX_LISTED);
      // What is left out goes in the next run's email.
      for (const n of p.notices.slice(MAX_LISTED)) {
        const kase = this.host.working.get(n.item.complaint.id);
        if (kase) kase.quietUntil = 0;
      }
      const ids = new Set(listed.map((n) => n.item.complaint.id));
      const subject = ids.size
        ? t("mail.reminder.subject", { office: officeName, count: ids.size })
        : t("mail.reminder.subjectCallbacks", { office: officeName, count: calls.length });
      for (const n of listed) {
        this.sentKeys.add(n.key);
        this.host.working.get(n.item.complaint.id)?.sent.push(n.key);
      }
      for (const c of calls) this.remindedToday.add(c.callback.id);
      this.host.emailed();
      if (!shadow)
        for (const key of [...listed.map((n) => n.key), ...calls.map((c) => c.key)])
          this.host.sent(at, key, subject);
    }
  }

  /** The manager's digest, once a day from its hour on. */
  private digest(at: number, day: string, shadow: boolean) {
    const { settings, codec } = this.host.office;
    const offset = codec.utcOffsetMinutes;
    const hour = new Date(at + offset * MINUTE).getUTCHours();
    if (!isEmail(settings.managerEmail) || hour < settings.digestHour || this.digests.has(day)) return;
    this.digests.add(day);
    const reported = digestDay(at, offset);
    const key = encodeNotice({ type: "digest", day: reported, recipient: settings.managerEmail });
    const subject = codec.t("mail.digest.subject", { office: settings.officeName, date: reported });
    if (!shadow) this.host.sent(at, key, subject);
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The first time after `at` a deadline planNotices looks at reaches a new level (lead time
 * before it, the deadline, the manager's delay after it): until then it plans nothing new.
 */
export function nextThreshold(sla: SlaResult, settings: OfficeSettings, at: number): number {
  if (sla.state === "paused" || sla.state === "met" || sla.state === "missed") return at + HOUR;
  const dues = [sla.firstResponseAt === null ? sla.responseDue : null, sla.resolutionDue];
  let next = Number.POSITIVE_INFINITY;
  for (const due of dues) {
    if (due === null) continue;
    for (const t of [due - settings.reminderLeadHours * HOUR, due, due + settings.managerDelayHours * HOUR])
      if (t > at && t < next) next = t;
  }
  return next;
}
