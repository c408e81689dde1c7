// Completing a new complaint: the same rules whether it came from the dialog or a typed row.
import type { BusinessCalendar } from "./calendar";
import type { Complaint } from "./complaint";
import { findRecurrence } from "./recurrence";
import { findTarget, type OfficeSettings } from "./settings";
import { computeSla } from "./sla";

export interface RegisterContext {
  id: string;
  who: string;
  now: Date;
  settings: OfficeSettings;
  calendar: BusinessCalendar;
  earlier: readonly Complaint[];
}

export function registerComplaint(draft: Complaint, ctx: RegisterContext): Complaint {
  const receivedAt = draft.receivedAt ?? ctx.now;
  const target = draft.severity ? findTarget(ctx.settings, draft.category, draft.severity) : null;
  const recurrenceOf = findRecurrence(
    {
      id: ctx.id,
      unit: draft.unit,
      category: draft.category,
      location: draft.location,
      receivedAt: receivedAt.getTime(),
    },
    ctx.earlier,
    ctx.settings.recurrenceWindowDays,
  );
  const sla = computeSla({
    receivedAt: receivedAt.getTime(),
    target,
    goldenResponseHours: ctx.settings.goldenResponseHours,
    history: [],
    now: ctx.now.getTime(),
    leadMinutes: ctx.settings.reminderLeadHours * 60,
    calendar: ctx.calendar,
  });
  return {
    ...draft,
    id: ctx.id,
    receivedAt,
    // First-contact ownership: whoever takes it in owns it until it is closed.
    receivedBy: draft.receivedBy || ctx.who,
    channel: draft.channel || "phone",
    status: "new",
    department: draft.department || target?.department || "",
    responseDue: new Date(sla.responseDue),
    resolutionDue: sla.resolutionDue === null ? null : new Date(sla.resolutionDue),
    slaState: sla.state,
    recurrenceOf,
    updatedAt: ctx.now,
  };
}
