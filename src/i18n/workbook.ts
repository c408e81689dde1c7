// Texts about the workbook's sheets, columns and people: English and Chinese, one key set (the zh table is typed by the en one).
export const en = {
  "health.noHeaderRow":
    '"{sheet}": row 1 holds a record, not column names (it starts "{start}"): the header row seems to have been deleted.',
  "setup.insertedHeader":
    '"{sheet}": the header row was missing; a new one was inserted above the first record ("{start}"). Check that the column names sit over the right data.',
  "health.emptyHeaderRow": '"{sheet}": the header row is empty.',
  "setup.filledHeaderRow": '"{sheet}": the empty header row was filled with the column names.',
  "health.headerBelow":
    '"{sheet}": the column names are on row {row}, not on row 1, so the desk cannot read the sheet: delete or move the {count} row(s) above them, then run set-up.',
  "health.renamedSheet": 'The {sheet} sheet was renamed to "{found}"; repair renames it back.',
  "setup.renamedSheet": 'Sheet "{found}" renamed back to "{sheet}"; its rows are kept.',
  "setup.copyOfSheet":
    'Sheet "{found}" has the columns of "{sheet}" (a renamed original or a copy); the desk reads only "{sheet}", so copy over anything it still needs.',
  "error.sheetRenamed":
    'The {sheet} sheet is missing: it seems to have been renamed to "{found}". Run {menu} → {setup} to rename it back.',

  "settings.row": "{name} (row {row})",
  "settings.notNumber": '"{value}" is not a number from {min} to {max}; {used} is used meanwhile.',
  "settings.notTime": '"{value}" is not a time like 09:00; {used} is used meanwhile.',
  "settings.closesBeforeOpen": "the office closes before it opens; 09:00–18:00 is used meanwhile.",
  "settings.badLanguage": '"{value}" is not zh-CN or en.',
  "settings.notChoice": '"{value}" is not one of {options}; {used} is used meanwhile.',
  "settings.required": "not filled in yet; it is needed for: {note}",
  "settings.badTimeZone":
    '"{value}" is not a time-zone ID such as Asia/Shanghai (names like "Beijing" or "UTC+8" are not understood); the desk keeps using {used} until it is corrected.',
  "settings.unknownSeverity": '"{value}" is not a severity (Normal, Serious or Urgent).',
  "settings.badHours": "response and resolution hours must be positive numbers.",
  "health.badEmail": "{who}: {why} Reminders to it cannot be sent.",
  "health.head": "head",

  "health.sheetCells": '"{sheet}": {rows} rows × {columns} columns = {cells} cells.',
  "health.cellShare": "The workbook has {cells} cells: {share} of the 10,000,000 a spreadsheet may hold.",
  "health.cellShareHigh":
    "The workbook has {cells} cells, {share} of the 10,000,000 a spreadsheet may hold: plan to move old rows out.",
  "health.cellShareCritical":
    "The workbook has {cells} cells, {share} of the 10,000,000 a spreadsheet may hold: when it is full nothing more can be saved. Move old rows out now.",
  "health.excessGrid":
    '"{sheet}": {columns} empty column(s) and {rows} empty row(s) hold {cells} cells; repair removes them.',
  "setup.trimmed": '"{sheet}": removed {columns} empty column(s) and {rows} empty row(s) ({cells} cells).',
  "health.fewRows": '"{sheet}": only {count} empty row(s) left to type into.',
  "setup.addedRows": '"{sheet}": added {count} empty rows to type into.',

  "menu.identify": "Identify me…",
  "identity.title": "Who is editing",
  "identity.unknown": "Unidentified #{tag}",
  "identity.detected":
    "You are signed in as {email}. Confirm once, and what you type into the sheets will carry this address (received by, step stamps, Log).",
  "identity.already": "The desk already knows you as {email}.",
  "identity.confirm": "That's me",
  "identity.done": "Thank you: what you type now carries {email}.",
  "identity.noEmail":
    "Google does not tell the desk who you are in this account (your organisation's policy); your entries are marked {label}.",
  "identity.toast":
    "The desk does not know who you are yet: choose {menu} → {item} once, so your entries carry your name.",
  "health.unidentified":
    'Someone the desk does not know ("{label}") edited the sheets, last at {at}: ask each colleague to choose {menu} → {item} once.',

  "health.triggersOf": "The desk's triggers run as {owner} (installed {at}); only that account repairs them.",
  "health.triggersOfStale":
    "The desk's triggers run as {owner}, but {handler} has not run since {at}: ask {owner} to open the health check and repair; if that account is no longer used, repair from this one and its triggers will run the desk.",
  "health.triggersUnrecorded":
    "Another account's triggers seem to run the desk ({handler} ran at {at}); run set-up from that account so the desk knows whose they are.",
  "health.ownTriggersExtra":
    "You have your own copy of the desk's {handler} trigger although {owner}'s run the desk: repair removes yours.",
  "setup.removedOwnTriggers": "Removed your copy of the {handler} trigger; {owner}'s triggers run the desk.",
  "setup.triggerOwner": "The desk's triggers run as {owner}.",
  "setup.tookOverTriggers":
    "The triggers of {previous} had not run since {at}; the desk's triggers now run as {owner}.",
  "health.digestHour": "The digest trigger runs at {found}, but Settings says digest.hour {expected}.",
  "setup.digestHour": "The digest trigger now runs at {expected} ({zone}).",
} as const;

export const zh: Record<keyof typeof en, string> = {
  "health.noHeaderRow": "“{sheet}”：第 1 行是一条记录而不是列名（开头为“{start}”），表头行似乎被删除了。",
  "setup.insertedHeader":
    "“{sheet}”：表头行缺失，已在第一条记录（“{start}”）上方插入新的表头行。请核对列名与下方数据是否对应。",
  "health.emptyHeaderRow": "“{sheet}”：表头行为空。",
  "setup.filledHeaderRow": "“{sheet}”：已在空的表头行填入列名。",
  "health.headerBelow":
    "“{sheet}”：列名在第 {row} 行而不在第 1 行，系统无法读取该表：请删除或移走其上方的 {count} 行，然后运行初始化。",
  "health.renamedSheet": "工作表“{sheet}”被改名为“{found}”；修复时将改回原名。",
  "setup.renamedSheet": "工作表“{found}”已改回“{sheet}”，其中各行保持不变。",
  "setup.copyOfSheet":
    "工作表“{found}”的列与“{sheet}”相同（可能是改名前的原表或副本）；系统只读取“{sheet}”，如有需要请把其中的内容复制过去。",
  "error.sheetRenamed":
    "缺少工作表“{sheet}”：它似乎被改名为“{found}”。请运行 {menu} → {setup}，把它改回原名。",

  "settings.row": "{name}（第 {row} 行）",
  "settings.notNumber": "“{value}”不是 {min} 到 {max} 之间的数字，暂按 {used} 执行。",
  "settings.notTime": "“{value}”不是 09:00 这样的时间，暂按 {used} 执行。",
  "settings.closesBeforeOpen": "下班时间早于上班时间，暂按 09:00–18:00 执行。",
  "settings.badLanguage": "“{value}”应为 zh-CN 或 en。",
  "settings.notChoice": "“{value}”不是 {options} 之一，暂按 {used} 执行。",
  "settings.required": "尚未填写，用途：{note}",
  "settings.badTimeZone":
    "“{value}”不是有效的时区标识（应为 Asia/Shanghai 这样的名称，“Beijing”“UTC+8”等无法识别）；更正前系统继续使用 {used}。",
  "settings.unknownSeverity": "“{value}”不是有效的严重程度（一般、较重或紧急）。",
  "settings.badHours": "响应时限和解决时限必须是正数。",
  "health.badEmail": "{who}：{why}无法向其发送提醒。",
  "health.head": "负责人",

  "health.sheetCells": "“{sheet}”：{rows} 行 × {columns} 列 = {cells} 个单元格。",
  "health.cellShare": "工作簿共有 {cells} 个单元格，占表格上限 1000 万个的 {share}。",
  "health.cellShareHigh": "工作簿共有 {cells} 个单元格，已占表格上限 1000 万个的 {share}：请计划移出旧记录。",
  "health.cellShareCritical":
    "工作簿共有 {cells} 个单元格，已占表格上限 1000 万个的 {share}：达到上限后将无法再保存任何内容，请立即移出旧记录。",
  "health.excessGrid": "“{sheet}”：{columns} 个空列和 {rows} 个空行占用了 {cells} 个单元格，修复时将删除。",
  "setup.trimmed": "“{sheet}”：已删除 {columns} 个空列和 {rows} 个空行（{cells} 个单元格）。",
  "health.fewRows": "“{sheet}”：只剩 {count} 个空行可供录入。",
  "setup.addedRows": "“{sheet}”：已添加 {count} 个空行供录入。",

  "menu.identify": "确认我的身份…",
  "identity.title": "确认身份",
  "identity.unknown": "未识别用户 #{tag}",
  "identity.detected":
    "您当前登录的账号是 {email}。确认一次后，您在表格中录入的内容（首问责任人、各步骤署名、日志）将署此邮箱。",
  "identity.already": "系统已确认您的身份：{email}。",
  "identity.confirm": "确认是我",
  "identity.done": "已确认：您今后的录入将署名 {email}。",
  "identity.noEmail": "由于贵单位的账号政策，Google 不向系统提供您的邮箱；您的录入将标记为 {label}。",
  "identity.toast": "系统尚未识别您的身份：请点一次 {menu} → {item}，以便您的录入署上您的名字。",
  "health.unidentified":
    "有未识别身份的同事（“{label}”）编辑过表格，最近一次在 {at}：请每位同事点一次 {menu} → {item}。",

  "health.triggersOf": "系统的触发器以 {owner} 的身份运行（安装于 {at}），只有该账号能修复它们。",
  "health.triggersOfStale":
    "系统的触发器以 {owner} 的身份运行，但 {handler} 自 {at} 起没有运行：请 {owner} 打开健康检查并修复；如果该账号已不再使用，可用当前账号修复，由当前账号的触发器运行系统。",
  "health.triggersUnrecorded":
    "似乎有另一个账号的触发器在运行系统（{handler} 于 {at} 运行过）；请用该账号运行一次初始化，让系统记录触发器归属。",
  "health.ownTriggersExtra":
    "虽然系统由 {owner} 的触发器运行，您也安装了一份 {handler} 触发器：修复时将删除您的这一份。",
  "setup.removedOwnTriggers": "已删除您的 {handler} 触发器；系统由 {owner} 的触发器运行。",
  "setup.triggerOwner": "系统的触发器以 {owner} 的身份运行。",
  "setup.tookOverTriggers": "{previous} 的触发器自 {at} 起没有运行；系统的触发器改为以 {owner} 的身份运行。",
  "health.digestHour": "日报触发器在 {found} 运行，但设置中的 digest.hour 为 {expected}。",
  "setup.digestHour": "日报触发器已改为每天 {expected}（{zone}）运行。",
};
