// The browser side of Apps Script's HtmlService, as far as the dialogs use it (the shape of
// @types/google.script.client-side). `google.script.run` also has a function for each server
// global; bridge.ts names them, typed by the server's `api`: call the server through it.
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (value: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error) => void): Runner;
  }
  const run: Runner;

  namespace host {
    /** Closes the dialog or sidebar. */
    function close(): void;
  }
}
