// Texts of the yearly archive and the Stats sheet: English and Chinese, one key set.
export const en = {
  "sheet.stats": "Stats",
  "archive.folder": "{office} archive {year}",
  "archive.file": "{office} archive {year} part {part}.json",
  "archive.historyKind": "{kind} (archived)",
  "archive.moved": "Archive: {count} closed complaint(s) moved to {file}.",
  "archive.kept": "Archive: {count} complaint(s) changed while being archived; they stay in the workbook.",
  "archive.badCopy":
    "Archive: the copy {file} did not read back whole ({problems}); nothing was removed from the workbook and it is written again next hour.",
  "archive.noDrive":
    "Archive: the Drive service is not enabled for this script, so closed complaints stay in the workbook.",
  "archive.later": "Archive: stopped before the time limit; it carries on next hour.",
  "archive.unreadable":
    "The archive file {file} could not be read; its complaints are listed from the Stats sheet.",
  "archive.failed":
    "Archive: stopped by an error ({error}); nothing more was removed, and it tries again next hour.",
} as const;

export const zh: Record<keyof typeof en, string> = {
  "sheet.stats": "归档统计",
  "archive.folder": "{office} 归档 {year}",
  "archive.file": "{office} 归档 {year} 第{part}批.json",
  "archive.historyKind": "{kind}（已归档）",
  "archive.moved": "归档：{count} 件已关闭的投诉已移至 {file}。",
  "archive.kept": "归档：{count} 件投诉在归档过程中被修改，保留在工作簿中。",
  "archive.badCopy":
    "归档：副本 {file} 读回不完整（{problems}）；工作簿中没有删除任何内容，下一小时将重新写入。",
  "archive.noDrive": "归档：本脚本未启用 Drive 服务，已关闭的投诉保留在工作簿中。",
  "archive.later": "归档：为避免超时已暂停，下一小时继续。",
  "archive.unreadable": "无法读取归档文件 {file}；其中的投诉按归档统计表列出。",
  "archive.failed": "归档：因错误中止（{error}）；未再删除任何内容，下一小时重试。",
};
