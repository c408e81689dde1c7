// Who must hear about which deadline, and when: the handler before it, the department
// head at the breach, the manager after a further delay. Each notice is sent once.
import type { Complaint } from "./complaint";
import { isEmail } from "./email";
import { type DeadlineKind, type EscalationLevel, encodeNotice } from "./notices";
import { findDepartment, type OfficeSettings } from "./settings";
import type { SlaResult } from "./sla";

export type { DeadlineKind, EscalationLevel };

export interface TrackedItem {
  complaint: Complaint;
  sla: SlaResult;
}

export interface Notice {
  /** Unique per item, deadline, level, due time and recipient (`encodeNotice`): what the Sent log remembers. */
  key: string;
  recipient: string;
  item: TrackedItem;
  kind: DeadlineKind;
  level: EscalationLevel;
  due: number;
}

// Strict: one malformed address makes MailApp throw.
export { isEmail };

export function noticeKey(
  id: string,
  kind: DeadlineKind,
  level: EscalationLevel,
  due: number,
  recipient: string,
) {
  return encodeNotice({ type: "complaint", item: id, kind, level, due, recipient });
}

function handlers(c: Complaint, settings: OfficeSettings): string[] {
  const dept = findDepartment(settings, c.department);
  const doers = isEmail(c.assignee) ? [c.assignee] : (dept?.handlerEmails ?? []);
  // First-contact ownership: whoever logged it keeps hearing about it.
  return [...doers, c.receivedBy];
}

export function recipientsFor(level: EscalationLevel, c: Complaint, settings: OfficeSettings): string[] {
  const head = findDepartment(settings, c.department)?.headEmail ?? "";
  const list =
    level === "handler"
      ? handlers(c, settings)
      : level === "head"
        ? [head, ...handlers(c, settings)]
        : [settings.managerEmail, head];
  // Email addresses are case-insensitive: "Li@x.cn" and "li@x.cn" are one person, one notice.
  const seen = new Set<string>();
  return list
    .map((e) => e.trim())
    .filter((e) => isEmail(e) && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
}

/** The level a deadline has reached at `now`, or null when it is not yet within the lead time. */
export function levelAt(due: number, now: number, settings: OfficeSettings): EscalationLevel | null {
  if (now >= due + settings.managerDelayHours * 3_600_000) return "manager";
  if (now >= due) return "head";
  if (now >= due - settings.reminderLeadHours * 3_600_000) return "handler";
  return null;
}

export function planNotices(
  items: readonly TrackedItem[],
  settings: OfficeSettings,
  now: number,
  alreadySent: Pick<ReadonlySet<string>, "has">,
): Notice[] {
  const notices: Notice[] = [];
  for (const item of items) {
    const { complaint: c, sla } = item;
    if (sla.state === "paused" || sla.state === "met" || sla.state === "missed") continue;
    const deadlines: [DeadlineKind, number | null][] = [
      ["response", sla.firstResponseAt === null ? sla.responseDue : null],
      ["resolution", sla.resolutionDue],
    ];
    for (const [kind, due] of deadlines) {
      if (due === null) continue;
      const level = levelAt(due, now, settings);
      if (!level) continue;
      for (const recipient of recipientsFor(level, c, settings)) {
        const key = noticeKey(c.id, kind, level, due, recipient);
        if (!alreadySent.has(key)) notices.push({ key, recipient, item, kind, level, due });
      }
    }
  }
  return notices;
}

/** One email per recipient: notices grouped in a stable order (most urgent level first). */
export function groupByRecipient(notices: readonly Notice[]): Map<string, Notice[]> {
  const rank: Record<EscalationLevel, number> = { manager: 0, head: 1, handler: 2 };
  const groups = new Map<string, Notice[]>();
  for (const n of [...notices].sort((a, b) => rank[a.level] - rank[b.level] || a.due - b.due)) {
    const list = groups.get(n.recipient.toLowerCase()) ?? [];
    list.push(n);
    groups.set(n.recipient.toLowerCase(), list);
  }
  return groups;
}
