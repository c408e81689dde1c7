// Every function Apps Script calls by name: simple triggers, menu items, time-driven
// triggers and google.script.run targets. esbuild-gas-plugin turns each assignment to
// `global` into a top-level function declaration in dist/Code.js.
import { api } from "./app/api";
import {
  buildMenu,
  digestFromMenu,
  digestRun,
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
  rescoreFromMenu,
  setupFromMenu,
} from "./app/menu";

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

// google.script.run targets of the dialogs (one typed object: src/app/api.ts).
global.getIntakeOptions = api.getIntakeOptions;
global.submitComplaint = api.submitComplaint;
global.getServiceOptions = api.getServiceOptions;
global.submitService = api.submitService;
global.getCallbackDialogData = api.getCallbackDialogData;
global.recordCallback = api.recordCallback;
global.previewOwners = api.previewOwners;
global.importOwners = api.importOwners;
global.getUnitHistory = api.getUnitHistory;
global.getHealthReport = api.getHealthReport;
global.getIdentity = api.getIdentity;
global.identifyMe = api.identifyMe;
global.repairWorkbook = api.repairWorkbook;
