// Texts about values refused or repaired: English and Chinese, one key set (the zh table is typed by the en one).
export const en = {
  // Times of what happened at the office (received, called back, done).
  "error.timeOnly":
    '{field}: "{value}" has a time but no date (Sheets dates a time alone to 30 Dec 1899); write the date and time, e.g. 2026-03-05 14:30.',
  "error.tooEarly":
    "{field}: {value} is before 2000; the office's records cannot be that old. Check the year.",

  // Email addresses: why one is refused ({email} is the address as written).
  "email.bad.empty": "The email address is empty.",
  "email.bad.space": '"{email}" has a space in it; remove it, or put a comma between two addresses.',
  "email.bad.fullWidth":
    '"{email}" has a full-width character (such as 。，；＠ or a full-width letter); retype it with the input method in English mode.',
  "email.bad.nonAscii":
    '"{email}" has a character an email address cannot have; use plain letters, digits and . _ - +.',
  "email.bad.noAt": '"{email}" has no @; write it as name@example.com.',
  "email.bad.manyAt": '"{email}" has more than one @; put a comma between two addresses.',
  "email.bad.dots": '"{email}" has two dots in a row, or a dot at the start or end of a part.',
  "email.bad.local": '"{email}": the part before the @ is empty or has a character that is not allowed.',
  "email.bad.domain": '"{email}": the part after the @ is empty or not a valid domain.',
  "email.bad.noTld": '"{email}" does not end in a domain such as .com or .cn.',
  "email.bad.tooLong": '"{email}" is longer than an email address can be.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  "error.timeOnly":
    "{field}：“{value}”只有时间没有日期（表格会把单独的时间记成 1899 年 12 月 30 日），请写完整的日期和时间，如 2026-03-05 14:30。",
  "error.tooEarly": "{field}：{value} 早于 2000 年，物业的记录不会这么早，请检查年份。",

  "email.bad.empty": "邮箱地址为空。",
  "email.bad.space": "“{email}”中有空格，请删除；两个地址之间请用逗号隔开。",
  "email.bad.fullWidth": "“{email}”中有全角字符（如 。，；＠ 或全角字母），请切换到英文输入法重新输入。",
  "email.bad.nonAscii": "“{email}”中有邮箱地址不能使用的字符，只能用英文字母、数字和 . _ - +。",
  "email.bad.noAt": "“{email}”缺少 @，请按 name@example.com 的格式填写。",
  "email.bad.manyAt": "“{email}”中有不止一个 @，两个地址之间请用逗号隔开。",
  "email.bad.dots": "“{email}”中有连续的两个点，或某一部分以点开头或结尾。",
  "email.bad.local": "“{email}”：@ 前面的部分为空或含有不允许的字符。",
  "email.bad.domain": "“{email}”：@ 后面的部分为空或不是有效的域名。",
  "email.bad.noTld": "“{email}”没有以 .com、.cn 这样的域名结尾。",
  "email.bad.tooLong": "“{email}”超过了邮箱地址的最大长度。",
};
