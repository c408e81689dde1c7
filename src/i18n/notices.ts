// Notice and email texts: English and Chinese, one key set (the zh table is typed by the en one).
export const en = {
  "notice.failed": "Not sent ({at}): {error}",
  "notice.unconfirmed": "{subject} (the run stopped while this email was being sent; counted as sent)",
  "notice.failedCount":
    "{count} email(s) could not be sent; the Sent sheet says why. They are tried again next run.",
  "notice.busy": "The workbook was busy; {pending} notice(s) will go out on the next run.",
} as const;

export const zh: Record<keyof typeof en, string> = {
  "notice.failed": "未发送（{at}）：{error}",
  "notice.unconfirmed": "{subject}（发送此邮件时运行中断，按已发送记录）",
  "notice.failedCount": "{count} 封邮件未能发送，原因见“发送记录”表；下次运行时将重试。",
  "notice.busy": "工作簿正忙；{pending} 条通知将在下次运行时发送。",
};
