// What the menu items do: open dialogs, run set-up and the runs on demand, and tell the
// person what happened in the office's language.

import { translator } from "../i18n/messages";
import { type DigestReport, sendDigest } from "./digest";
import { handleEdit } from "./edits";
import { explainError } from "./errors";
import { checkHealth, type HealthReport } from "./health";
import { remindersOf, runHourlyJobs } from "./hourly";
import { offerIdentification } from "./identity";
import { loadOffice } from "./office";
import type { ReminderReport } from "./reminders";
import { rescoreAll } from "./rescore";
import { exclusively, recordSuccess } from "./runs";
import { officeLanguage, setUpWorkbook } from "./setup";

const active = () => SpreadsheetApp.getActive();
const tFor = () => translator(officeLanguage(active()));

export function buildMenu(): void {
  const t = tFor();
  SpreadsheetApp.getUi()
    .createMenu(t("menu.title"))
    .addItem(t("menu.logComplaint"), "showIntakeDialog")
    .addItem(t("menu.logService"), "showServiceDialog")
    .addItem(t("menu.recordCallback"), "showCallbackDialog")
    .addItem(t("menu.history"), "showUnitHistory")
    .addItem(t("menu.importOwners"), "showOwnerImport")
    .addSeparator()
    .addItem(t("menu.remindNow"), "sendRemindersNow")
    .addItem(t("menu.digestNow"), "sendDigestNow")
    .addItem(t("menu.rescore"), "rescoreDeadlines")
    .addSeparator()
    .addItem(t("menu.identify"), "showIdentify")
    .addItem(t("menu.health"), "showHealthCheck")
    .addItem(t("menu.setup"), "setupWorkbook")
    .addToUi();
  offerIdentification(active(), t);
}

export function onSheetEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

function dialog(file: string, title: string, width: number, height: number) {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

export function openIntakeDialog(): void {
  dialog("intake", tFor()("intake.title"), 620, 720);
}

export function openServiceDialog(): void {
  dialog("service", tFor()("svc.title"), 600, 640);
}

export function openCallbackDialog(): void {
  dialog("callback", tFor()("cb.dialog.title"), 720, 760);
}

export function openOwnerImport(): void {
  dialog("owners", tFor()("owners.title"), 760, 640);
}

/** The history sits beside the sheet, so the assistant can keep working while reading it. */
export function openUnitHistory(): void {
  const html = HtmlService.createHtmlOutputFromFile("history").setTitle(tFor()("history.title"));
  SpreadsheetApp.getUi().showSidebar(html);
}

export function openIdentifyDialog(): void {
  dialog("identify", tFor()("identity.title"), 460, 260);
}

export function openHealthDialog(): void {
  dialog("health", tFor()("health.title"), 620, 560);
}

function tell(title: string, lines: readonly string[]) {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, lines.join("\n"), ui.ButtonSet.OK);
}

/** Runs a menu action, turning a failure into a message instead of a stack trace. */
function guarded(title: string, fn: () => string[]) {
  const t = tFor();
  let lines: string[];
  try {
    lines = fn();
  } catch (e) {
    lines = [explainError({ t }, e)];
  }
  tell(title, lines);
}

export function setupFromMenu(): void {
  const t = tFor();
  guarded(t("setup.title"), () => setUpWorkbook(active(), new Date()).lines);
}

export function healthReport(): HealthReport {
  return checkHealth(active(), new Date());
}

export function repairFromDialog(): string[] {
  return setUpWorkbook(active(), new Date()).lines;
}

/** The hourly trigger. Returns null when another run is still going. */
export function reminderRun(): ReminderReport | null {
  const startedAt = Date.now();
  return exclusively(() => {
    const office = loadOffice(active(), new Date(startedAt));
    const report = remindersOf(runHourlyJobs(office, startedAt));
    recordSuccess("runReminders", new Date(startedAt));
    return report;
  });
}

/** The daily trigger. */
export function digestRun(force = false): DigestReport | null {
  return exclusively(() => {
    const now = new Date();
    const report = sendDigest(loadOffice(active(), now), force);
    recordSuccess("runDailyDigest", now);
    return report;
  });
}

export function remindersFromMenu(): void {
  const t = tFor();
  guarded(t("menu.remindNow"), () => [reminderRun()?.message ?? t("run.busy")]);
}

export function digestFromMenu(): void {
  const t = tFor();
  guarded(t("menu.digestNow"), () => [digestRun(true)?.message ?? t("run.busy")]);
}

export function rescoreFromMenu(): void {
  const t = tFor();
  guarded(t("menu.rescore"), () => {
    const result = exclusively(() => rescoreAll(loadOffice(active(), new Date())));
    return [result ? t("run.rescored", { count: result.changedDeadlines }) : t("run.busy")];
  });
}
