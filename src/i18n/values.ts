// Texts about values refused or repaired: English and Chinese, one key set (the zh table is typed by the en one).
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
