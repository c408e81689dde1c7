// Call-back and owner texts: English and Chinese, one key set (the zh table is typed by the en one).
export const en = {
  "cb.recorded.closeComplaint": "{id} recorded ({satisfaction}); complaint {ref} is closed.",
  "cb.recorded.reopenComplaint": "{id} recorded ({satisfaction}); complaint {ref} is reopened.",
  "cb.recorded.followUpService": "{id} recorded ({satisfaction}); follow-up work {followUp} is opened.",
  "cb.recorded.followUpCallback":
    "{id} recorded ({satisfaction}): complaint {ref} stays resolved and the owner is to be called again by {due}. If another call would not help, the manager may close it with a written reason (Record call-back).",
  "cb.recorded.tryAgain": "{id}: not reached ({attempts} of {max} tries); try again later.",
  "cb.recorded.none": "{id} recorded ({satisfaction}).",
  "cb.recorded.managerClosed": "{id}: complaint {ref} is closed by the manager. Reason: {reason}",
  "cb.managerNote": "Closed by the manager ({who}, {at}): {reason}",
  "cb.managerLog": "{id}: the owner answered neutral; closed by the manager: {reason}",
  "cb.complaintUnchanged":
    "Complaint {ref} is left as it is: it is no longer in the state this call-back follows (look at its row).",
  "cb.alert.sent": "Its handler, the department head and the manager were emailed.",
  "cb.alert.queued":
    "Its handler, the department head and the manager will be emailed with the next hourly run.",
  "cb.alert.failed":
    "The call-back is saved, but the alert email to {to} could not be sent ({error}); please tell them yourself.",
  "cb.error.notManager":
    "Only the manager ({manager}, manager.email in Settings) can close a complaint whose owner is not satisfied.",
  "cb.error.notNeutral":
    "{id}: the manager closes a complaint this way only after its owner answered neutral; record the call-back instead.",
  "cb.error.reasonRequired": "Write why the complaint is closed without another call-back.",
  "cb.error.changedMeanwhile":
    "{id} changed in the sheet while it was being saved; nothing was recorded. Look at the row and save again.",
  "cb.computed":
    '"{column}" is filled in by the desk: record a call with Property desk → Record call-back, or type its method, result and satisfaction into the row.',
  "cb.typed.incomplete": "{id}: the call is not recorded yet: {problems}",
  "cb.typed.already": "{id} was already called back ({result}); a second answer is not recorded.",
  "cb.idRestored": "Row {row}: the ID {id} is the call-back's identity and was put back.",
  "cb.idLost":
    "Row {row} ({unit}) was a call-back but its ID was cleared or pasted over. Type its ID back; the desk will not register it again as a new service.",
  "cb.dialog.lastAnswer": "Last answer",
  "cb.dialog.followUpHint":
    "The owner answered neutral: call again. If another call would not help, the manager may close the complaint with a written reason.",
  "cb.dialog.managerTitle": "Manager: close without another call-back",
  "cb.dialog.reason": "Reason",
  "cb.dialog.managerClose": "Close complaint",
  "owners.plan":
    "{add} new, {update} updated, {same} already up to date, {rejected} refused. Nothing in the registry is deleted.",
  "owners.done":
    "Imported: {add} new, {update} updated, {same} already up to date; {rejected} refused rows were not imported. Nothing was deleted.",
  "owners.action.updateCells": "update {columns}",
  "owners.action.same": "no change",
  "owners.skipped":
    "{count} owner(s) were changed in the sheet during the import and were left as they are: {units}. Import again to update them.",
} as const;

export const zh: Record<keyof typeof en, string> = {
  "cb.recorded.closeComplaint": "{id} 已记录（{satisfaction}），投诉 {ref} 已关闭。",
  "cb.recorded.reopenComplaint": "{id} 已记录（{satisfaction}），投诉 {ref} 已重新打开。",
  "cb.recorded.followUpService": "{id} 已记录（{satisfaction}），已开返修单 {followUp}。",
  "cb.recorded.followUpCallback":
    "{id} 已记录（{satisfaction}）：投诉 {ref} 保持“已解决”，请于 {due} 前再次回访。如再次回访无助于解决，经理可在“登记回访”中填写理由结案。",
  "cb.recorded.tryAgain": "{id}：未联系上（第 {attempts} 次，共 {max} 次），请稍后再试。",
  "cb.recorded.none": "{id} 已记录（{satisfaction}）。",
  "cb.recorded.managerClosed": "{id}：投诉 {ref} 已由经理结案。理由：{reason}",
  "cb.managerNote": "经理结案（{who}，{at}）：{reason}",
  "cb.managerLog": "{id}：业主回访结果一般，经理结案：{reason}",
  "cb.complaintUnchanged": "投诉 {ref} 保持不变：它已不处于本次回访所针对的状态（请查看该投诉行）。",
  "cb.alert.sent": "已邮件通知处理人、部门负责人和经理。",
  "cb.alert.queued": "处理人、部门负责人和经理将在下一次整点运行时收到邮件通知。",
  "cb.alert.failed": "回访已保存，但发给 {to} 的提醒邮件未能发出（{error}），请另行通知。",
  "cb.error.notManager": "只有经理（{manager}，设置中的 manager.email）可以在业主未表示满意时结案。",
  "cb.error.notNeutral": "{id}：仅在业主回访结果为“一般”时，经理才可这样结案；其他情况请登记回访结果。",
  "cb.error.reasonRequired": "请填写不再回访即结案的理由。",
  "cb.error.changedMeanwhile": "{id} 在保存期间被修改，未作记录。请查看该行后重新保存。",
  "cb.computed":
    "“{column}”由系统填写：请通过 物业客服 → 登记回访 记录回访，或在该行填写回访方式、回访结果和满意度。",
  "cb.typed.incomplete": "{id}：回访尚未记录：{problems}",
  "cb.typed.already": "{id} 已回访（{result}），不重复记录第二次结果。",
  "cb.idRestored": "第 {row} 行：编号 {id} 是该回访的身份标识，已恢复。",
  "cb.idLost":
    "第 {row} 行（{unit}）原是一条回访记录，但其编号被清除或被粘贴覆盖。请填回原编号；系统不会把它当作新的服务重新登记。",
  "cb.dialog.lastAnswer": "上次回访",
  "cb.dialog.followUpHint": "业主回访结果为“一般”，需再次回访。如再次回访无助于解决，经理可填写理由结案。",
  "cb.dialog.managerTitle": "经理：不再回访，直接结案",
  "cb.dialog.reason": "理由",
  "cb.dialog.managerClose": "结案",
  "owners.plan":
    "新增 {add} 户，更新 {update} 户，{same} 户无变化，拒绝 {rejected} 行。档案中的已有记录不会被删除。",
  "owners.done":
    "已导入：新增 {add} 户，更新 {update} 户，{same} 户无变化；{rejected} 行被拒绝，未导入。没有删除任何记录。",
  "owners.action.updateCells": "更新{columns}",
  "owners.action.same": "无变化",
  "owners.skipped": "导入期间有 {count} 户在表中被修改，已保持原样：{units}。请重新导入以更新。",
};
