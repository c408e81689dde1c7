// Every server function a dialog calls through google.script.run, in one typed object. The
// entry file assigns each to a global; dialog clients are typed by `Api`, so a misspelt call
// or a wrong argument fails the typecheck. Every failure reaches the dialog explained in the
// office's language (a missing sheet names the fix), never as a raw error. Arguments are typed
// as the dialogs send them; the server still checks every value it receives.
import type { OutcomeInput } from "../domain/callback";
import type { IntakeInput } from "../domain/intake";
import type { ServiceField } from "../domain/service";
import { callbackDialogData } from "./callbackDialog";
import { explainError } from "./errors";
import { historyView } from "./history";
import { identifyFromDialog, identityFromDialog } from "./identity";
import { intakeOptions, submitComplaint } from "./intake";
import { healthReport, repairFromDialog } from "./menu";
import { importOwners, previewOwners } from "./owners";
import { recordCallback } from "./recordCallback";
import { serviceOptions, submitService } from "./serviceIntake";

function explained<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      throw new Error(explainError(null, e));
    }
  };
}

export const api = {
  getIntakeOptions: explained(() => intakeOptions()),
  submitComplaint: explained((form: IntakeInput, submissionId: string) =>
    submitComplaint(form, submissionId),
  ),
  getServiceOptions: explained(() => serviceOptions()),
  submitService: explained((form: Record<ServiceField, string>, submissionId: string) =>
    submitService(form, submissionId),
  ),
  getCallbackDialogData: explained((query: string) => callbackDialogData(query)),
  recordCallback: explained(
    (id: string, form: OutcomeInput | { managerClose: true; reason: string }, submissionId: string) =>
      recordCallback(id, form, submissionId),
  ),
  previewOwners: explained((text: string) => previewOwners(text)),
  importOwners: explained((text: string, submissionId: string) => importOwners(text, submissionId)),
  getUnitHistory: explained((unit: string) => historyView(unit)),
  getHealthReport: explained(() => healthReport()),
  getIdentity: explained(() => identityFromDialog()),
  identifyMe: explained(() => identifyFromDialog()),
  repairWorkbook: explained(() => repairFromDialog()),
};

export type Api = typeof api;
