// Both languages say the same things: every message has the same placeholders in English and Chinese.
import { describe, expect, it } from "vitest";
import * as archive from "../../../src/i18n/archive";
import * as callbacks from "../../../src/i18n/callbacks";
import * as complaints from "../../../src/i18n/complaints";
import { allLabels, messageKeys } from "../../../src/i18n/messages";
import * as notices from "../../../src/i18n/notices";
import * as owners from "../../../src/i18n/owners";
import * as values from "../../../src/i18n/values";
import * as workbook from "../../../src/i18n/workbook";
import * as writes from "../../../src/i18n/writes";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it("gives every message the same placeholders in both languages, and a text in each", () => {
    const keys = messageKeys();
    expect(keys.length).toBeGreaterThan(300);
    for (const key of keys) {
      const [en = "", zh = ""] = allLabels(key);
      expect(en.trim(), key).not.toBe("");
      expect(zh.trim(), key).not.toBe("");
      expect(placeholders(zh), key).toEqual(placeholders(en));
    }
  });

  it("defines each key in one capability's table only", () => {
    const parts = { archive, callbacks, complaints, notices, owners, values, workbook, writes };
    const seen = new Map<string, string>();
    for (const [name, part] of Object.entries(parts))
      for (const key of Object.keys(part.en)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    expect(seen.size).toBe(messageKeys().length);
  });
});
