// The complaint record and its fixed vocabularies. Labels live in i18n; these are codes.

export const STATUSES = [
  "new",
  "acknowledged",
  "in_progress",
  "paused",
  "resolved",
  "closed",
  "reopened",
] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ["normal", "serious", "urgent"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CHANNELS = ["phone", "visit", "form", "wechat", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Statuses in which the office is working on the item (the SLA clock runs). */
export const OPEN_STATUSES: readonly Status[] = ["new", "acknowledged", "in_progress", "paused", "reopened"];

export interface Complaint {
  id: string;
  receivedAt: Date | null;
  receivedBy: string;
  channel: Channel | "";
  unit: string;
  owner: string;
  contact: string;
  category: string;
  severity: Severity | "";
  location: string;
  content: string;
  peopleInvolved: string;
  status: Status;
  /** For status "paused": which of the office's pause reasons (Settings), and why. */
  pauseKind: string;
  pauseReason: string;
  department: string;
  assignee: string;
  responseDue: Date | null;
  resolutionDue: Date | null;
  slaState: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: string;
  cause: string;
  responsibility: string;
  investigatedAt: Date | null;
  investigatedBy: string;
  measures: string;
  promisedBy: Date | null;
  ownerAgreed: string;
  actedAt: Date | null;
  actedBy: string;
  followUp: string;
  followedUpAt: Date | null;
  followedUpBy: string;
  resolvedAt: Date | null;
  rootCause: string;
  lessons: string;
  closedAt: Date | null;
  recurrenceOf: string;
  updatedAt: Date | null;
  /** Every status change with its time, kept in the row (see trail.ts). */
  trail: string;
}

export function emptyComplaint(): Complaint {
  return {
    id: "",
    receivedAt: null,
    receivedBy: "",
    channel: "",
    unit: "",
    owner: "",
    contact: "",
    category: "",
    severity: "",
    location: "",
    content: "",
    peopleInvolved: "",
    status: "new",
    pauseKind: "",
    pauseReason: "",
    department: "",
    assignee: "",
    responseDue: null,
    resolutionDue: null,
    slaState: "",
    acknowledgedAt: null,
    acknowledgedBy: "",
    cause: "",
    responsibility: "",
    investigatedAt: null,
    investigatedBy: "",
    measures: "",
    promisedBy: null,
    ownerAgreed: "",
    actedAt: null,
    actedBy: "",
    followUp: "",
    followedUpAt: null,
    followedUpBy: "",
    resolvedAt: null,
    rootCause: "",
    lessons: "",
    closedAt: null,
    recurrenceOf: "",
    updatedAt: null,
    trail: "",
  };
}

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}
