// The pure part of the hourly run and the digest, timed in Node: score every complaint, plan
// notices, compute the digest. Shows how much of a run is the desk's own logic.
import { performance } from "node:perf_hooks";
import type { Status } from "../src/domain/complaint";
import { computeDigest } from "../src/domain/digest";
import { planNotices, type TrackedItem } from "../src/domain/escalation";
import { statusHistories } from "../src/domain/log";
import { findTarget } from "../src/domain/settings";
import { computeSla } from "../src/domain/sla";
import { choiceCode } from "../src/sheets/codec";
import { defaultOffice, type History } from "./fixtures";
import { NOW } from "./office";

export function pureLogic(history: History): number {
  const office = defaultOffice();
  const started = performance.now();
  const histories = statusHistories(history.log, (v) => choiceCode("status", v) as Status | null);
  const items: TrackedItem[] = [];
  for (const c of history.complaints) {
    if (!c.receivedAt || !c.severity) continue;
    const sla = computeSla({
      receivedAt: c.receivedAt.getTime(),
      target: findTarget(office.settings, c.category, c.severity),
      goldenResponseHours: office.settings.goldenResponseHours,
      history: histories.get(c.id) ?? [],
      now: NOW,
      leadMinutes: office.settings.reminderLeadHours * 60,
      calendar: office.calendar,
    });
    items.push({ complaint: c, sla });
  }
  planNotices(items, office.settings, NOW, new Set());
  computeDigest(items, NOW, 480);
  return Math.round((performance.now() - started) * 10) / 10;
}
