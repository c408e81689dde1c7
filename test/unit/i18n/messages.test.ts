// Both languages say the same things: every message has the same placeholders in English and Chinese.
import { describe, expect, it } from "vitest";
import { allLabels, messageKeys } from "../../../src/i18n/messages";

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
});
