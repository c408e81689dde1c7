// Texts about edits, the lock and the sweep: English and Chinese, one key set.
export const en = {
  "writes.busy":
    "The desk is busy with another task right now. Row {rows} is kept as you typed it and will be completed by the next hourly run.",
  "writes.idRestored": "Row {row}: the ID {id} is the complaint's identity and was put back.",
  "writes.idLost":
    "Row {row} ({unit}) was a complaint but its ID was cleared or pasted over. Type its ID back (the Log lists it); the desk will not register it again as a new complaint.",
  "writes.trailRebuilt": "{id}: its status history was missing and was rebuilt from the row.",
  "writes.changedMeanwhile":
    "Row {row} changed while it was being saved; it will be settled by the next run.",
  "writes.swept": "{count} row(s) completed that an edit could not finish.",
  "writes.duplicateId":
    "Row {row} carries {id}, which another row already has: it looks like a pasted copy. The desk leaves it alone: delete the copy (a new complaint goes in a new row).",
  "writes.keptAsTyped":
    '{field}: "{value}" is not a date or number the desk can use; it is kept as you typed it and counts once it reads like 2026-03-05 14:30.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  "writes.busy": "系统正在处理其他任务。第 {rows} 行已按您的输入保留，将在下一次整点运行时补全。",
  "writes.idRestored": "第 {row} 行：编号 {id} 是该投诉的身份标识，已恢复。",
  "writes.idLost":
    "第 {row} 行（{unit}）原是一条投诉，但其编号被清除或被粘贴覆盖。请填回原编号（可在日志中查到）；系统不会把它当作新投诉重新登记。",
  "writes.trailRebuilt": "{id}：状态记录缺失，已根据该行内容重建。",
  "writes.changedMeanwhile": "第 {row} 行在保存过程中被修改，将在下一次运行时处理。",
  "writes.swept": "已补全 {count} 行此前未能完成的编辑。",
  "writes.duplicateId":
    "第 {row} 行的编号 {id} 与另一行重复，像是粘贴的副本。系统不处理该行：请删除副本（新投诉请在新行登记）。",
  "writes.keptAsTyped":
    "{field}：“{value}”不是可用的日期或数字；已按您的输入保留，改为 2026-03-05 14:30 这样的格式后生效。",
};
