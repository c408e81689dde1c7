// Data validation and conditional format rules with their builders.
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export const DataValidationCriteria = {
  VALUE_IN_LIST: "VALUE_IN_LIST",
  VALUE_IN_RANGE: "VALUE_IN_RANGE",
  DATE_IS_VALID_DATE: "DATE_IS_VALID_DATE",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  CHECKBOX: "CHECKBOX",
} as const;

export const BooleanCriteria = {
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
  TEXT_EQUAL_TO: "TEXT_EQUAL_TO",
  TEXT_CONTAINS: "TEXT_CONTAINS",
} as const;

export class FakeDataValidation
  implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, "getAllowInvalid" | "getHelpText">
{
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
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
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder();
    b.criteria = this.criteria;
    b.values = this.values;
    b.allowInvalid = this.allowInvalid;
    b.helpText = this.helpText;
    return b;
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

export class FakeDataValidationBuilder {
  criteria = "VALUE_IN_LIST";
  values: unknown[] = [];
  allowInvalid = true;
  helpText = "";
  requireValueInList(values: string[], showDropdown = true) {
    this.criteria = "VALUE_IN_LIST";
    this.values = [[...values], showDropdown];
    return this;
  }
  requireValueInRange(range: GasRange, showDropdown = true) {
    this.criteria = "VALUE_IN_RANGE";
    this.values = [range, showDropdown];
    return this;
  }
  requireDate() {
    this.criteria = "DATE_IS_VALID_DATE";
    this.values = [];
    return this;
  }
  requireNumberBetween(start: number, end: number) {
    this.criteria = "NUMBER_BETWEEN";
    this.values = [start, end];
    return this;
  }
  requireCheckbox() {
    this.criteria = "CHECKBOX";
    this.values = [];
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this;
  }
  build() {
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export class FakeBooleanCondition {
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly format: RuleFormat,
  ) {}
  getCriteriaType() {
    return this.criteria;
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

export class FakeConditionalFormatRule {
  constructor(
    readonly ranges: GasRange[],
    readonly condition: FakeBooleanCondition,
  ) {}
  getRanges() {
    return [...this.ranges];
  }
  getBooleanCondition() {
    return this.condition;
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
    return b;
  }
}

export class FakeConditionalFormatRuleBuilder {
  ranges: GasRange[] = [];
  criteria = "CUSTOM_FORMULA";
  values: unknown[] = [];
  format: RuleFormat = { background: null, fontColor: null, bold: null };
  whenFormulaSatisfied(formula: string) {
    this.criteria = "CUSTOM_FORMULA";
    this.values = [formula];
    return this;
  }
  whenTextEqualTo(text: string) {
    this.criteria = "TEXT_EQUAL_TO";
    this.values = [text];
    return this;
  }
  whenTextContains(text: string) {
    this.criteria = "TEXT_CONTAINS";
    this.values = [text];
    return this;
  }
  setBackground(color: string | null) {
    this.format.background = color;
    return this;
  }
  setFontColor(color: string | null) {
    this.format.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null) {
    this.format.bold = bold;
    return this;
  }
  setRanges(ranges: GasRange[]) {
    this.ranges = [...ranges];
    return this;
  }
  build() {
    if (!this.ranges.length) throw new Error("Conditional format rule must have at least one range.");
    return new FakeConditionalFormatRule(
      this.ranges,
      new FakeBooleanCondition(this.criteria, this.values, { ...this.format }),
    );
  }
}
