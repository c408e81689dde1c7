// Every function Apps Script calls by name: simple triggers, menu items, time-driven
// triggers and google.script.run targets. esbuild-gas-plugin turns each assignment to
// `global` into a top-level function declaration in dist/Code.js.
import { callbackDialogData } from "./app/callbackDialog";
import { historyView } from "./app/history";
import { identifyFromDialog, identityFromDialog } from "./app/identity";
import { intakeOptions, submitComplaint } from "./app/intake";
import {
  buildMenu,
  digestFromMenu,
  digestRun,
  healthReport,
  onSheetEdit,
  openCallbackDialog,
  openHealthDialog,
  openIdentifyDialog,
  openIntakeDialog,
  openOwnerImport,
  openServiceDialog,
  openUnitHistory,
  reminderRun,
  remindersFromMenu,
  repairFromDialog,
  rescoreFromMenu,
  setupFromMenu,
} from "./app/menu";
import { importOwners, previewOwners } from "./app/owners";
import { recordCallback } from "./app/recordCallback";
import { serviceOptions, submitService } from "./app/serviceIntake";

// biome-ignore lint/suspicious/noExplicitAny: the Apps Script global object has no type.
declare let global: any;

// Simple triggers.
global.onOpen = () => buildMenu();
global.onEdit = (e: GoogleAppsScript.Events.SheetsOnEdit) => onSheetEdit(e);

// Menu items.
global.showIntakeDialog = () => openIntakeDialog();
global.showServiceDialog = () => openServiceDialog();
global.showCallbackDialog = () => openCallbackDialog();
global.showOwnerImport = () => openOwnerImport();
global.showUnitHistory = () => openUnitHistory();
global.setupWorkbook = () => setupFromMenu();
global.showHealthCheck = () => openHealthDialog();
global.showIdentify = () => openIdentifyDialog();
global.sendRemindersNow = () => remindersFromMenu();
global.sendDigestNow = () => digestFromMenu();
global.rescoreDeadlines = () => rescoreFromMenu();

// Time-driven triggers (installed by set-up).
global.runReminders = () => {
  reminderRun();
};
global.runDailyDigest = () => {
  digestRun();
};

// google.script.run targets of the dialogs.
global.getIntakeOptions = () => intakeOptions();
global.submitComplaint = (form: unknown, submissionId: string) => submitComplaint(form, submissionId);
global.getServiceOptions = () => serviceOptions();
global.submitService = (form: unknown, submissionId: string) => submitService(form, submissionId);
global.getCallbackDialogData = (query: unknown) => callbackDialogData(query);
global.recordCallback = (id: unknown, form: unknown, submissionId: string) =>
  recordCallback(id, form, submissionId);
global.previewOwners = (text: unknown) => previewOwners(text);
global.importOwners = (text: unknown, submissionId: string) => importOwners(text, submissionId);
global.getUnitHistory = (unit: unknown) => historyView(unit);
global.getHealthReport = () => healthReport();
global.getIdentity = () => identityFromDialog();
global.identifyMe = () => identifyFromDialog();
global.repairWorkbook = () => repairFromDialog();
