// The one way a dialog calls the server. Typed by the server's own `api` object
// (src/app/api.ts, types only: no server code reaches the browser), so a misspelt function,
// a missing argument or a wrong type fails `npm run typecheck` instead of a person's click.
import type { Api } from "../app/api";

export type ApiName = keyof Api;
export type ApiResult<K extends ApiName> = ReturnType<Api[K]>;

/** google.script.run's function for each server global src/main.ts assigns from `api`. */
type Endpoints = { readonly [K in ApiName]: (...args: Parameters<Api[K]>) => void };

/** Runs a server function through google.script.run: its result, or its error (already in the office's words). */
export function run<K extends ApiName>(name: K, ...args: Parameters<Api[K]>): Promise<ApiResult<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ApiResult<K>))
      .withFailureHandler(reject) as google.script.Runner & Endpoints;
    // The call's arguments were checked against `Api` in run's own signature.
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/** Closes the dialog or sidebar. */
export function closeDialog(): void {
  google.script.host.close();
}
