// What set-up and the health check share: each check reports a finding in the health
// check's words, says what set-up did about it, and carries the repair if one is safe.
export interface Finding {
  /** How the health check describes the problem (or, for info, the fact). */
  problem: string;
  /** What set-up reports after applying the fix. */
  done: string;
  fix?: () => void;
  /** Informational lines (e.g. quota left) are shown but are not problems. */
  info?: boolean;
  /** Part of something already reported (e.g. the formats of a sheet just created). */
  quiet?: boolean;
  /** A problem only a person (or another account) can fix: shown, but not offered as a repair. */
  manual?: boolean;
}

export function applyAll(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.info) continue;
    f.fix?.();
    if (!f.quiet) lines.push(f.done);
  }
  return lines;
}

/** Column letter(s) of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
