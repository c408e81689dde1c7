// A fortnight at a residential compound's service desk, run on the local Apps Script
// runtime against the built bundle: complaints come in by dialog and by typing into the
// sheet, departments act (some late, some paused), triggers remind, escalate and digest.

import { createRuntime, type Runtime } from "../local/emu/runtime";
import { callbackRates } from "../src/domain/callback";
import type { Language } from "../src/domain/settings";
import { translator } from "../src/i18n/messages";
import { decodeRows, mapHeaders } from "../src/sheets/codec";
import { SCHEMAS } from "../src/sheets/schema";
import { KINDS, ownerName, phone, type Random, random, SERVICES, STAFF, unit } from "./scenario";
import { cellOf, complaintRow, readSheet, setDepartment, setSetting, sheetName, typeInto } from "./workbook";

export interface SimOptions {
  /** First day, office-local "YYYY-MM-DD". */
  start: string;
  days: number;
  language: Language;
  seed?: number;
}

export interface SimResult {
  rt: Runtime;
  logged: { dialog: number; sheet: number };
  byStatus: Record<string, number>;
  emails: { reminders: number; digests: number; total: number };
  escalations: { head: number; manager: number };
  rejectedEdits: string[];
  setupReport: string[];
  services: { dialog: number; sheet: number };
  owners: { imported: number; refused: number; flagged: number };
  callbacks: {
    total: number;
    done: number;
    unreachable: number;
    onTime: number;
    due: number;
    satisfied: number;
    answered: number;
  };
}

const HOUR = 3_600_000;
const OFFSET_MS = 8 * HOUR;

interface Step {
  at: number;
  run: () => void;
}

export async function simulate(options: SimOptions): Promise<SimResult> {
  const { language } = options;
  const t = translator(language);
  const r = random(options.seed ?? 20_260_302);
  const localMs = (day: number, hour: number, minute = 0) =>
    Date.parse(`${options.start}T00:00:00Z`) - OFFSET_MS + day * 24 * HOUR + hour * HOUR + minute * 60_000;
  const [firstAssistant = "", secondAssistant = firstAssistant] = STAFF.assistants;
  const rt = await createRuntime({
    now: new Date(localMs(0, 8, 30)),
    timeZone: "Asia/Shanghai",
    user: firstAssistant,
    locale: language === "zh-CN" ? "zh_CN" : "en_US",
  });
  rt.open();
  rt.run("setupWorkbook");
  const setupReport = rt.ui.alerts.map((a) => `${a.title ?? ""}\n${a.prompt ?? ""}`);
  configureOffice(rt, language);

  // The compound's households, imported from the office's old spreadsheet (one row is refused).
  const households = new Map<string, { unit: string; owner: string; contact: string }>();
  households.set("7栋1单元0301", { unit: "7栋1单元0301", owner: ownerName(r, language), contact: phone(r) });
  while (households.size < 80) {
    const u = unit(r);
    households.set(u, { unit: u, owner: ownerName(r, language), contact: phone(r) });
  }
  const imported = importHouseholds(rt, [...households.values()], language);
  const pool = [...households.values()];
  /** A household; one time in ten the assistant writes the unit the short way (3-2-1201). */
  const household = () => {
    const h = r.pick(pool);
    return r.next() < 0.1 ? { ...h, unit: h.unit.replace(/栋|单元/g, "-") } : h;
  };

  const steps: Step[] = [];
  const at = (ms: number, run: () => void) => steps.push({ at: ms, run });
  const logged = { dialog: 0, sheet: 0 };
  const rejectedEdits: string[] = [];
  const edit = (id: string, headers: [string, string], value: string, who: string) => {
    rt.setUser(who);
    const toasts = rt.sheets.toasts.length;
    const result = typeInto(rt, id, language === "zh-CN" ? [headers[0]] : [headers[1]], value);
    const toast = rt.sheets.toasts.length > toasts ? rt.sheets.toasts.at(-1) : undefined;
    if (!result.accepted) rejectedEdits.push(`${id}: ${result.rejection ?? ""}`);
    else if (toast && /undone|撤销/.test(toast.message)) rejectedEdits.push(`${id}: ${toast.message}`);
  };
  const status = (code: string) => t(`status.${code}` as Parameters<typeof t>[0]);

  let n = 0;
  const services = { dialog: 0, sheet: 0 };
  const away = new Set<string>();
  for (let day = 0; day < options.days; day++) {
    const weekday = new Date(localMs(day, 12)).getUTCDay();
    // Repairs and housekeeping done today; the owner is called back two days later.
    const repairs = weekday === 0 || weekday === 6 ? 0 : r.int(1, 3);
    for (let k = 0; k < repairs; k++) {
      const when = localMs(day, r.int(9, 17), r.int(0, 59));
      const job = r.pick(SERVICES);
      const byDialog = (day + k) % 2 === 0;
      at(when, () => {
        rt.setUser(firstAssistant);
        const fields = {
          source: job.source,
          ...household(),
          content: job.content[language],
          doneAt: "",
          handler: job.handler,
          department: language === "zh-CN" ? job.department.zh : job.department.en,
        };
        const id = byDialog ? logServiceByDialog(rt, fields) : logServiceByTyping(rt, fields, language);
        if (!id) return;
        if (byDialog) services.dialog += 1;
        else services.sheet += 1;
        const callBack = (at2: number, ref: string, attempt: number) =>
          at(at2, () => {
            const result = recordCallbackFor(
              rt,
              ref,
              firstAssistant,
              callBackOutcome(r, attempt, ref, away),
              language,
            );
            if (result === "tryAgain") callBack(rt.clock.now() + 24 * HOUR, ref, attempt + 1);
            if (result === "followUpService") finishFollowUp(rt, ref, at, callBack);
          });
        callBack(when + 46 * HOUR, id, 1);
      });
    }
    const count = weekday === 0 || weekday === 6 ? r.int(1, 2) : r.int(2, 4);
    for (let k = 0; k < count; k++) {
      const when = localMs(day, r.int(7, 20), r.int(0, 59));
      const kind = n < KINDS.length ? KINDS[n % KINDS.length] : r.pick(KINDS);
      const useDialog = n % 2 === 0;
      const who = n % 3 === 0 ? secondAssistant : firstAssistant;
      const plan = planFor(r, kind?.fixHours ?? 8);
      n += 1;
      at(when, () => {
        if (!kind) return;
        rt.setUser(who);
        const form = {
          ...household(),
          ...(kind.category.en === "Noise" ? { unit: "7栋1单元0301" } : {}),
          channel: useDialog ? r.pick(["phone", "visit", "wechat"]) : "visit",
          category: kind.category[language],
          severity: kind.severity,
          location: kind.location[language],
          content: kind.content[language],
          peopleInvolved: "",
          receivedAt: "",
        };
        const id = useDialog ? logByDialog(rt, form) : logByTyping(rt, form, language);
        if (!id) return;
        if (useDialog) logged.dialog += 1;
        else logged.sheet += 1;
        const dept = STAFF.departments.find((d) => d.en === departmentOf(kind.category.en));
        const handler = dept?.handlers[0] ?? who;
        at(when + plan.ackAfter, () => edit(id, ["状态", "Status"], status("acknowledged"), who));
        at(when + plan.ackAfter + 10 * 60_000, () => edit(id, ["处理人", "Handler"], handler, who));
        at(when + plan.ackAfter + 20 * 60_000, () =>
          edit(id, ["状态", "Status"], status("in_progress"), handler),
        );
        at(when + plan.ackAfter + 30 * 60_000, () =>
          edit(
            id,
            ["原因调查", "Cause"],
            language === "zh-CN" ? "现场核实属实" : "Checked on site: confirmed",
            handler,
          ),
        );
        let resolveAt = when + plan.ackAfter + plan.fixAfter;
        if (kind.pause && plan.pause) {
          const p = kind.pause[language];
          const pauseAt = when + plan.ackAfter + HOUR;
          at(pauseAt, () => edit(id, ["暂停类别", "Paused for"], p.kind, handler));
          at(pauseAt + 60_000, () => edit(id, ["暂停原因", "Pause reason"], p.reason, handler));
          at(pauseAt + 2 * 60_000, () => edit(id, ["状态", "Status"], status("paused"), handler));
          at(pauseAt + 20 * HOUR, () => edit(id, ["状态", "Status"], status("in_progress"), handler));
          resolveAt += 20 * HOUR;
        }
        if (plan.resolve) {
          at(resolveAt - 5 * 60_000, () => {
            const { record } = complaintRow(rt, id);
            const repeats = record["重复投诉"] ?? record.Repeats;
            if (repeats)
              edit(
                id,
                ["根本原因", "Root cause"],
                language === "zh-CN"
                  ? "晨练团体无固定时段约定"
                  : "No agreed hours for the morning dance group",
                handler,
              );
            edit(
              id,
              ["处理措施", "Measures"],
              language === "zh-CN" ? "已处理并告知业主" : "Fixed and the owner informed",
              handler,
            );
          });
          at(resolveAt, () => edit(id, ["状态", "Status"], status("resolved"), handler));
          // The owner is called back the next working morning; an unhappy owner reopens it.
          const callBack = (when: number, attempt: number) =>
            at(when, () => {
              const outcome = callBackOutcome(r, attempt, id, away);
              const result = recordCallbackFor(rt, id, who, outcome, language);
              if (result === "reopenComplaint") {
                at(rt.clock.now() + 6 * HOUR, () =>
                  edit(id, ["状态", "Status"], status("in_progress"), handler),
                );
                at(rt.clock.now() + 26 * HOUR, () =>
                  edit(id, ["状态", "Status"], status("resolved"), handler),
                );
                callBack(rt.clock.now() + 44 * HOUR, 9);
              }
              if (result === "tryAgain") callBack(rt.clock.now() + 24 * HOUR, attempt + 1);
            });
          if (plan.callBack) callBack(resolveAt + 18 * HOUR, 1);
        }
      });
    }
  }

  // Walk through time: triggers fire on their own as the clock passes them.
  const end = localMs(options.days, 9);
  while (steps.length) {
    steps.sort((a, b) => a.at - b.at);
    const step = steps.shift();
    if (!step || step.at > end) break;
    if (step.at > rt.clock.now()) rt.advanceTo(new Date(step.at));
    step.run();
  }
  if (rt.clock.now() < end) rt.advanceTo(new Date(end));

  const complaints = readSheet(rt, "complaints");
  const byStatus: Record<string, number> = {};
  for (const row of complaints.rows) {
    const s = String(row["状态"] ?? row.Status ?? "");
    byStatus[s] = (byStatus[s] ?? 0) + 1;
  }
  const sent = readSheet(rt, "sent").rows;
  const levelOf = (row: Record<string, unknown>) => String(Object.values(row)[5] ?? "");
  const digests = rt.outbox.filter((m) => /日报|digest/i.test(m.subject)).length;
  return {
    rt,
    logged,
    byStatus,
    emails: { reminders: rt.outbox.length - digests, digests, total: rt.outbox.length },
    escalations: {
      head: sent.filter((row) => levelOf(row) === "head").length,
      manager: sent.filter(
        (row) => levelOf(row) === "manager" && !/digest/.test(String(Object.values(row)[1])),
      ).length,
    },
    rejectedEdits,
    setupReport,
    services,
    callbacks: callbackSummary(rt, language, localMs(0, 0)),
    owners: { ...imported, flagged: flaggedUnits(rt) },
  };
}

/** The follow-up repair is done the next day; then its own call-back follows. */
function finishFollowUp(
  rt: Runtime,
  original: string,
  at: (ms: number, run: () => void) => void,
  callBack: (at: number, ref: string, attempt: number) => void,
) {
  at(rt.clock.now() + 20 * HOUR, () => {
    const view = readSheet(rt, "callbacks");
    const i = view.rows.findIndex((c) => (c["关联单号"] ?? c.Reference) === original);
    const follow = view.rows[i];
    if (!follow) return;
    const localNow = new Date(rt.clock.now() + 8 * HOUR).toISOString().slice(0, 16).replace("T", " ");
    rt.edit(view.name, cellOf(view, view.rowNumber(i), "完成时间", "Done at"), localNow);
    callBack(rt.clock.now() + 30 * HOUR, String(follow["回访编号"] ?? follow.ID), 9);
  });
}

function logServiceByDialog(rt: Runtime, fields: Record<string, string>): string | null {
  const result = rt.callFromDialog("submitService", fields, `sim-svc-${rt.clock.now()}`) as {
    ok: boolean;
    id?: string;
  };
  return result.ok ? (result.id ?? null) : null;
}

/** An assistant types a finished job straight into the Call-backs sheet. */
function logServiceByTyping(rt: Runtime, fields: Record<string, string>, language: Language): string | null {
  const view = readSheet(rt, "callbacks");
  const row = (view.rows.length ? view.rowNumber(view.rows.length - 1) : 1) + 1;
  const t = translator(language);
  const first = cellOf(view, row, "来源", "Source");
  const last = cellOf(view, row, "服务内容", "Service");
  rt.edit(view.name, `${first}:${last}`, [
    [
      t(`cb.source.${fields.source}` as Parameters<typeof t>[0]),
      "",
      fields.unit ?? "",
      fields.owner ?? "",
      fields.contact ?? "",
      fields.content ?? "",
    ],
  ]);
  const after = readSheet(rt, "callbacks");
  const id = after.rows.find((_, i) => after.rowNumber(i) === row)?.[
    language === "zh-CN" ? "回访编号" : "ID"
  ];
  return id ? String(id) : null;
}

function departmentOf(categoryEn: string): string {
  const map: Record<string, string> = {
    Noise: "Security",
    "Illegal alterations": "Customer service",
    Sanitation: "Environment",
    Parking: "Parking",
    Leak: "Engineering",
    Lift: "Engineering",
    "Service attitude": "Customer service",
  };
  return map[categoryEn] ?? "Customer service";
}

function planFor(r: Random, fixHours: number) {
  const late = r.next() < 0.3;
  return {
    ackAfter: (late ? r.int(20, 30) : r.int(1, 4)) * HOUR,
    fixAfter: Math.round(fixHours * (late ? 3 : 1.2)) * HOUR,
    pause: r.next() < 0.7,
    resolve: r.next() < 0.85,
    callBack: r.next() < 0.85,
  };
}

function configureOffice(rt: Runtime, language: Language) {
  setSetting(
    rt,
    "office.name",
    language === "zh-CN" ? "绿林苑物业客服中心" : "Greenwood Gardens service desk",
  );
  setSetting(rt, "manager.email", STAFF.manager);
  for (const d of STAFF.departments)
    setDepartment(rt, language === "zh-CN" ? d.zh : d.en, d.head, d.headEmail, d.handlers);
  // Each person confirms who they are once (menu → Identify me): Google hides a consumer
  // editor's email from onEdit, so the desk could not otherwise stamp their edits.
  const owner = rt.user;
  const staff = [
    ...STAFF.assistants,
    STAFF.manager,
    ...STAFF.departments.flatMap((d) => [d.headEmail, ...d.handlers]),
  ];
  for (const email of new Set(staff)) {
    rt.setUser(email);
    rt.callFromDialog("identifyMe");
  }
  rt.setUser(owner);
}

function logByDialog(rt: Runtime, form: Record<string, string>): string | null {
  const result = rt.callFromDialog("submitComplaint", form, `sim-${rt.clock.now()}`) as
    | { ok: true; id: string }
    | { ok: false; message: string };
  return result.ok ? result.id : null;
}

/** An assistant pastes the owner's details into the first empty row, as offices do. */
function logByTyping(rt: Runtime, form: Record<string, string>, language: Language): string | null {
  const view = readSheet(rt, "complaints");
  const row = (view.rows.length ? view.rowNumber(view.rows.length - 1) : 1) + 1;
  const zh = language === "zh-CN";
  const t = translator(language);
  const first = cellOf(view, row, zh ? "渠道" : "Channel");
  const last = cellOf(view, row, zh ? "投诉内容" : "Complaint");
  rt.edit(view.name, `${first}:${last}`, [
    [
      t(`channel.${form.channel}` as Parameters<typeof t>[0]),
      form.unit ?? "",
      form.owner ?? "",
      form.contact ?? "",
      form.category ?? "",
      t(`severity.${form.severity}` as Parameters<typeof t>[0]),
      form.location ?? "",
      form.content ?? "",
    ],
  ]);
  const after = readSheet(rt, "complaints");
  const id = after.rows.find((_, i) => after.rowNumber(i) === row)?.[zh ? "编号" : "ID"];
  return id ? String(id) : null;
}

type Outcome = Record<string, string>;

/** Most owners are satisfied; some are not, and some cannot be reached at first. */
/** `away`: owners away for weeks (working elsewhere, travelling), never reached, so given up after N tries. */
function callBackOutcome(r: Random, attempt: number, ref: string, away: Set<string>): Outcome {
  if (attempt === 1 && r.next() < 0.08) away.add(ref);
  if (away.has(ref)) return { method: "phone", result: "unreachable" };
  const roll = r.next();
  if (attempt < 9 && roll < 0.12) return { method: "phone", result: "unreachable" };
  if (attempt < 9 && roll < 0.22)
    return { method: "phone", result: "reached", satisfaction: "dissatisfied", remarks: "still-there" };
  return {
    method: r.pick(["phone", "phone", "visit", "wechat"]),
    result: "reached",
    satisfaction: roll < 0.6 ? "very_satisfied" : "satisfied",
    remarks: "",
  };
}

const REMARKS: Record<Language, Record<string, string>> = {
  "zh-CN": { "still-there": "问题还没有彻底解决，希望再来看看" },
  en: { "still-there": "It is not really fixed yet; please come back" },
};

/** The assistant records the latest open call-back of a complaint or service; returns what it caused. */
function recordCallbackFor(
  rt: Runtime,
  ref: string,
  who: string,
  outcome: Outcome,
  language: Language,
): string {
  const view = readSheet(rt, "callbacks");
  const row = [...view.rows]
    .reverse()
    .find((c) => (c["关联单号"] ?? c.Reference) === ref || (c["回访编号"] ?? c.ID) === ref);
  const id = String(row?.["回访编号"] ?? row?.ID ?? "");
  if (!id) return "none";
  rt.setUser(who);
  const remarks = outcome.remarks ? (REMARKS[language][outcome.remarks] ?? outcome.remarks) : "";
  const result = rt.callFromDialog(
    "recordCallback",
    id,
    { ...outcome, remarks },
    `sim-cb-${rt.clock.now()}`,
  ) as {
    ok: boolean;
    consequence?: string;
  };
  return result.ok ? (result.consequence ?? "none") : "refused";
}

/** Call-back figures as the desk counts them (the digest's rule), read from the Call-backs sheet. */
function callbackSummary(rt: Runtime, language: Language, from: number): SimResult["callbacks"] {
  const codec = { language, utcOffsetMinutes: 480, t: translator(language) };
  const values = rt.meter.quietly(() =>
    rt.sheets.spreadsheet.getSheetByName(sheetName(rt, "callbacks"))?.getDataRange().getValues(),
  ) ?? [[]];
  const map = mapHeaders(SCHEMAS.callbacks.columns, values[0] ?? []);
  const all = decodeRows(SCHEMAS.callbacks, map, values.slice(1), codec).records;
  const total = callbackRates(all, from, rt.clock.now() + 1).reduce(
    (t, r) => ({
      due: t.due + r.due,
      onTime: t.onTime + r.onTime,
      answered: t.answered + r.answered,
      satisfied: t.satisfied + r.satisfied,
    }),
    { due: 0, onTime: 0, answered: 0, satisfied: 0 },
  );
  return {
    total: all.length,
    done: all.filter((c) => c.state === "done").length,
    unreachable: all.filter((c) => c.state === "unreachable").length,
    ...total,
  };
}

/** The office pastes its old owner list into the import dialog (preview, then import). */
function importHouseholds(
  rt: Runtime,
  households: readonly { unit: string; owner: string; contact: string }[],
  language: Language,
) {
  const zh = language === "zh-CN";
  const header = zh
    ? "房号\t业主/住户\t联系电话\t首选联系方式"
    : "Unit\tOwner / residents\tPhones\tPreferred channel";
  const channel = zh ? "电话" : "Phone";
  const lines = households.map((h) => `${h.unit}\t${h.owner}\t${h.contact}\t${channel}`);
  lines.splice(5, 0, `\t${zh ? "无房号" : "No unit"}\t13900000000\t${channel}`);
  const text = [header, ...lines].join("\n");
  rt.callFromDialog("previewOwners", text);
  const report = rt.callFromDialog("importOwners", text, "sim-owners") as {
    counts: { add: number; rejected: number };
  };
  return { imported: report.counts.add, refused: report.counts.rejected };
}

/** Units the desk flagged as not in the Owners sheet (notes on the unit cells). */
function flaggedUnits(rt: Runtime): number {
  return rt.meter.quietly(() => {
    let n = 0;
    for (const key of ["complaints", "callbacks"] as const) {
      const sheet = rt.sheets.spreadsheet.getSheetByName(sheetName(rt, key));
      if (sheet) n += sheet.getDataRange().getNotes().flat().filter(Boolean).length;
    }
    return n;
  });
}
