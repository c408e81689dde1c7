// Data validation and conditional format rules with their builders.
import { type Api, emulated, guardEnum, guardObject } from "./guard";

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export const DATA_VALIDATION = emulated<GoogleAppsScript.Spreadsheet.DataValidation>()(
  "SpreadsheetApp",
  "DataValidation",
  "Spreadsheet.DataValidation",
  ["getCriteriaType", "getCriteriaValues", "getAllowInvalid", "getHelpText", "copy"],
);

export const DATA_VALIDATION_BUILDER = emulated<GasValidationBuilder>()(
  "SpreadsheetApp",
  "DataValidationBuilder",
  "Spreadsheet.DataValidationBuilder",
  [
    "requireValueInList",
    "requireValueInRange",
    "requireDate",
    "requireNumberBetween",
    "requireCheckbox",
    "setAllowInvalid",
    "setHelpText",
    "build",
  ],
);

export const BOOLEAN_CONDITION = emulated<GoogleAppsScript.Spreadsheet.BooleanCondition>()(
  "SpreadsheetApp",
  "BooleanCondition",
  "Spreadsheet.BooleanCondition",
  ["getCriteriaType", "getCriteriaValues", "getBackground", "getFontColor", "getBold"],
);

export const CONDITIONAL_FORMAT_RULE = emulated<GoogleAppsScript.Spreadsheet.ConditionalFormatRule>()(
  "SpreadsheetApp",
  "ConditionalFormatRule",
  "Spreadsheet.ConditionalFormatRule",
  ["getRanges", "getBooleanCondition", "getGradientCondition", "copy"],
);

export const CONDITIONAL_FORMAT_RULE_BUILDER = emulated<GasRuleBuilder>()(
  "SpreadsheetApp",
  "ConditionalFormatRuleBuilder",
  "Spreadsheet.ConditionalFormatRuleBuilder",
  [
    "whenFormulaSatisfied",
    "whenTextEqualTo",
    "whenTextContains",
    "setBackground",
    "setFontColor",
    "setBold",
    "setRanges",
    "build",
  ],
);

// Criteria are their names as strings; a script compares them with SpreadsheetApp.*Criteria only.
export const DataValidationCriteria = guardEnum("SpreadsheetApp.DataValidationCriteria", {
  VALUE_IN_LIST: "VALUE_IN_LIST",
  VALUE_IN_RANGE: "VALUE_IN_RANGE",
  DATE_IS_VALID_DATE: "DATE_IS_VALID_DATE",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  CHECKBOX: "CHECKBOX",
} as const);

export const BooleanCriteria = guardEnum("SpreadsheetApp.BooleanCriteria", {
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
  TEXT_EQUAL_TO: "TEXT_EQUAL_TO",
  TEXT_CONTAINS: "TEXT_CONTAINS",
} as const);

const asBuilder = (b: FakeDataValidationBuilder) => b as unknown as GasValidationBuilder;
const asRuleBuilder = (b: FakeConditionalFormatRuleBuilder) => b as unknown as GasRuleBuilder;

export class FakeDataValidation implements Api<typeof DATA_VALIDATION> {
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(DATA_VALIDATION.name, this);
  }
  getCriteriaType() {
    return this.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return this.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  copy() {
    const b = new FakeDataValidationBuilder();
    b.criteria = this.criteria;
    b.values = this.values;
    b.allowInvalid = this.allowInvalid;
    b.helpText = this.helpText;
    return asBuilder(b);
  }
  /** Whether a stored value passes; `display` is how the value reads in the cell. */
  accepts(display: string, lookup: (range: GasRange) => string[]): boolean {
    if (display === "") return true;
    switch (this.criteria) {
      case "VALUE_IN_LIST":
        return ((this.values[0] as string[]) ?? []).map(String).includes(display);
      case "VALUE_IN_RANGE":
        return lookup(this.values[0] as GasRange).includes(display);
      case "NUMBER_BETWEEN": {
        const n = Number(display);
        return Number.isFinite(n) && n >= Number(this.values[0]) && n <= Number(this.values[1]);
      }
      default:
        return true;
    }
  }
}

export class FakeDataValidationBuilder implements Api<typeof DATA_VALIDATION_BUILDER> {
  criteria = "VALUE_IN_LIST";
  values: unknown[] = [];
  allowInvalid = true;
  helpText = "";
  constructor() {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(DATA_VALIDATION_BUILDER.name, this);
  }
  requireValueInList(values: string[], showDropdown = true) {
    this.criteria = "VALUE_IN_LIST";
    this.values = [[...values], showDropdown];
    return asBuilder(this);
  }
  requireValueInRange(range: GasRange, showDropdown = true) {
    this.criteria = "VALUE_IN_RANGE";
    this.values = [range, showDropdown];
    return asBuilder(this);
  }
  requireDate() {
    this.criteria = "DATE_IS_VALID_DATE";
    this.values = [];
    return asBuilder(this);
  }
  requireNumberBetween(start: number, end: number) {
    this.criteria = "NUMBER_BETWEEN";
    this.values = [start, end];
    return asBuilder(this);
  }
  requireCheckbox() {
    this.criteria = "CHECKBOX";
    this.values = [];
    return asBuilder(this);
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return asBuilder(this);
  }
  setHelpText(text: string) {
    this.helpText = text;
    return asBuilder(this);
  }
  build() {
    return new FakeDataValidation(
      this.criteria,
      this.values,
      this.allowInvalid,
      this.helpText,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }
}

export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export class FakeBooleanCondition implements Api<typeof BOOLEAN_CONDITION> {
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly format: RuleFormat,
  ) {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(BOOLEAN_CONDITION.name, this);
  }
  getCriteriaType() {
    return this.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues() {
    return [...this.values];
  }
  getBackground() {
    return this.format.background;
  }
  getFontColor() {
    return this.format.fontColor;
  }
  getBold() {
    return this.format.bold;
  }
}

export class FakeConditionalFormatRule implements Api<typeof CONDITIONAL_FORMAT_RULE> {
  constructor(
    readonly ranges: GasRange[],
    readonly condition: FakeBooleanCondition,
  ) {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(CONDITIONAL_FORMAT_RULE.name, this);
  }
  getRanges() {
    return [...this.ranges];
  }
  getBooleanCondition() {
    return this.condition as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }
  getGradientCondition() {
    return null;
  }
  copy() {
    const b = new FakeConditionalFormatRuleBuilder();
    b.ranges = [...this.ranges];
    b.criteria = this.condition.criteria;
    b.values = [...this.condition.values];
    b.format = { ...this.condition.format };
    return asRuleBuilder(b);
  }
}

export class FakeConditionalFormatRuleBuilder implements Api<typeof CONDITIONAL_FORMAT_RULE_BUILDER> {
  ranges: GasRange[] = [];
  criteria = "CUSTOM_FORMULA";
  values: unknown[] = [];
  format: RuleFormat = { background: null, fontColor: null, bold: null };
  constructor() {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(CONDITIONAL_FORMAT_RULE_BUILDER.name, this);
  }
  whenFormulaSatisfied(formula: string) {
    this.criteria = "CUSTOM_FORMULA";
    this.values = [formula];
    return asRuleBuilder(this);
  }
  whenTextEqualTo(text: string) {
    this.criteria = "TEXT_EQUAL_TO";
    this.values = [text];
    return asRuleBuilder(this);
  }
  whenTextContains(text: string) {
    this.criteria = "TEXT_CONTAINS";
    this.values = [text];
    return asRuleBuilder(this);
  }
  setBackground(color: string | null) {
    this.format.background = color;
    return asRuleBuilder(this);
  }
  setFontColor(color: string | null) {
    this.format.fontColor = color;
    return asRuleBuilder(this);
  }
  setBold(bold: boolean | null) {
    this.format.bold = bold;
    return asRuleBuilder(this);
  }
  setRanges(ranges: GasRange[]) {
    this.ranges = [...ranges];
    return asRuleBuilder(this);
  }
  build() {
    if (!this.ranges.length) throw new Error("Conditional format rule must have at least one range.");
    return new FakeConditionalFormatRule(
      this.ranges,
      new FakeBooleanCondition(this.criteria, this.values, { ...this.format }),
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  }
}
