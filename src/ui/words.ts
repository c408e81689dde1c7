// The server's texts in a dialog: looked up by key, with values put into their {placeholders}
// as the server's translator does.

export type Labels = Readonly<Record<string, string>>;

/** A text by key; the key itself when the server sent none, so a gap shows as a key, not "undefined". */
export function text(labels: Labels, key: string): string {
  return labels[key] ?? key;
}

/** Puts values into a text's {placeholders}; a placeholder without a value stays as written. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
