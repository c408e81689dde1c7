// Each sheet's schema and its record agree: set-up makes a column for every field, reading
// fills every field, and the dropdowns offer exactly the domain's codes in the domain's order.
import { describe, expect, it } from "vitest";
import {
  CALLBACK_METHODS,
  CALLBACK_RESULTS,
  CALLBACK_SOURCES,
  CALLBACK_STATES,
  SATISFACTION,
} from "../../../src/domain/callback";
import { CHANNELS, SEVERITIES, STATUSES } from "../../../src/domain/complaint";
import { PREFERRED_CHANNELS } from "../../../src/domain/owners";
import { translator } from "../../../src/i18n/messages";
import {
  type ChoiceKind,
  choiceCode,
  choiceLabel,
  choiceLabels,
  headerNames,
} from "../../../src/sheets/codec";
import { type ColumnKind, SCHEMAS, type SheetId, type SheetSpec } from "../../../src/sheets/schema";

/**
 * Record fields kept out of a sheet on purpose, with the reason. Empty today: every field of
 * every record is a column. A field added to a record without a column must be listed here.
 */
const NOT_IN_SHEET: Partial<Record<SheetId, Record<string, string>>> = {};

const sheets = Object.values(SCHEMAS) as unknown as SheetSpec<Record<string, unknown>>[];

describe("each schema and its empty record", () => {
  it.each(sheets.map((s) => [s.id, s] as const))(
    "%s: every column is a field and every field a column",
    (id, spec) => {
      const fields = Object.keys(spec.empty());
      const keys = spec.columns.map((c) => c.key);
      const excluded = Object.keys(NOT_IN_SHEET[id] ?? {});
      expect(new Set(keys).size, "a column key appears twice").toBe(keys.length);
      expect(
        keys.filter((k) => !fields.includes(k)),
        "columns naming no field of the record",
      ).toEqual([]);
      expect(
        fields.filter((f) => !keys.includes(f) && !excluded.includes(f)),
        "fields with no column (add one, or list them in NOT_IN_SHEET)",
      ).toEqual([]);
      expect(
        excluded.filter((f) => keys.includes(f)),
        "fields both excluded and a column",
      ).toEqual([]);
      expect(keys).toContain(spec.keyColumn);
    },
  );

  it.each(sheets.map((s) => [s.id, s] as const))(
    "%s: each column's kind holds its field's empty value",
    (_, spec) => {
      const empty = spec.empty();
      const fits = (kind: ColumnKind, value: unknown) =>
        kind === "datetime" || kind === "date"
          ? value === null || value instanceof Date
          : kind === "number"
            ? value === null || typeof value === "number"
            : typeof value === "string";
      const misfits = spec.columns
        .filter((c) => !fits(c.kind, empty[c.key]))
        .map((c) => `${c.key}: ${c.kind}`);
      expect(misfits).toEqual([]);
    },
  );

  it.each(sheets.map((s) => [s.id, s] as const))(
    "%s: no header, alias or key names two columns",
    (_, spec) => {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const column of spec.columns)
        for (const name of new Set(headerNames(column))) {
          const other = owner.get(name);
          if (other) clashes.push(`${name}: ${other} and ${column.key}`);
          else owner.set(name, column.key);
        }
      expect(clashes).toEqual([]);
    },
  );
});

/** The domain's code lists behind each dropdown. */
const DOMAIN_LISTS: Partial<Record<ChoiceKind, readonly string[]>> = {
  status: STATUSES,
  severity: SEVERITIES,
  channel: CHANNELS,
  cbSource: CALLBACK_SOURCES,
  cbMethod: CALLBACK_METHODS,
  satisfaction: SATISFACTION,
  cbResult: CALLBACK_RESULTS,
  cbState: CALLBACK_STATES,
  ownerChannel: PREFERRED_CHANNELS,
};

describe("dropdowns", () => {
  const languages = ["zh-CN", "en"] as const;

  it.each(Object.entries(DOMAIN_LISTS))(
    "%s offers the domain's codes, in order, each read back",
    (kind, codes) => {
      const choice = kind as ChoiceKind;
      for (const language of languages) {
        const t = translator(language);
        const labels = choiceLabels(choice, t);
        expect(labels).toEqual(codes?.map((code) => choiceLabel(choice, code, t)));
        expect(new Set(labels).size, `${language} labels repeat`).toBe(labels.length);
        expect(
          labels.every((label, i) => label !== codes?.[i]),
          `${language}: a code without a label`,
        ).toBe(true);
        expect(labels.map((label) => choiceCode(choice, label))).toEqual(codes);
      }
    },
  );

  it("every enumerated column of every sheet has choices", () => {
    const plain = new Set<ColumnKind>(["text", "datetime", "date", "number"]);
    const bare = sheets
      .flatMap((s) => s.columns.map((c) => ({ sheet: s.id, ...c })))
      .filter((c) => !plain.has(c.kind) && choiceLabels(c.kind, translator("en")).length === 0)
      .map((c) => `${c.sheet}.${c.key}`);
    expect(bare).toEqual([]);
  });
});
