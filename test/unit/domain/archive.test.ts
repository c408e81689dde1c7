// The archive's pure rules: which closed complaints are due, how a batch is chosen, the figures
// a complaint keeps, the file's form and its verification, and the journal's bounds.
import { describe, expect, it } from "vitest";
import {
  ARCHIVE_FORMAT,
  type ArchiveFile,
  archivable,
  copyProblems,
  decodeJournal,
  encodeJournal,
  fitsJournal,
  frozenFigures,
  MAX_JOURNAL_CHARS,
  matchedRows,
  monthsBefore,
  nextBatch,
  parseArchive,
  sameRow,
  serializeArchive,
} from "../../../src/domain/archive";
import { emptyComplaint } from "../../../src/domain/complaint";
import { slaResult } from "./fixtures";

const SHANGHAI = 480;
const local = (iso: string) => Date.parse(`${iso}+08:00`);
const DAY = 86_400_000;

describe("the cutoff", () => {
  it("is the same local time N calendar months before, on the month's last day when the day does not exist", () => {
    expect(monthsBefore(local("2027-04-06T10:00:00"), 12, SHANGHAI)).toBe(local("2026-04-06T10:00:00"));
    expect(monthsBefore(local("2027-03-31T23:30:00"), 1, SHANGHAI)).toBe(local("2027-02-28T23:30:00"));
    expect(monthsBefore(local("2028-03-31T08:00:00"), 1, SHANGHAI)).toBe(local("2028-02-29T08:00:00"));
    expect(monthsBefore(local("2027-01-15T00:10:00"), 14, SHANGHAI)).toBe(local("2025-11-15T00:10:00"));
  });
});

describe("which complaints are due", () => {
  const cutoff = local("2026-06-01T00:00:00");
  const closed = (id: string, iso: string | null, status = "closed") => ({
    id,
    status,
    closedAt: iso ? local(iso) : null,
  });
  const settled = { source: "complaint", state: "done", satisfaction: "satisfied" } as const;

  it("are the ones closed before the cutoff, oldest first", () => {
    const due = archivable(
      [
        closed("TS-3", "2026-05-02T09:00:00"),
        closed("TS-1", "2026-05-01T09:00:00"),
        closed("TS-2", "2026-06-02T09:00:00"),
        closed("TS-4", "2026-04-01T09:00:00", "resolved"),
        closed("TS-5", null),
        closed("", "2026-04-01T09:00:00"),
      ],
      [],
      cutoff,
    );
    expect(due.map((d) => d.id)).toEqual(["TS-1", "TS-3"]);
  });

  it("wait while any call-back of theirs is unsettled, and leave a complaint on two rows to people", () => {
    const due = archivable(
      [
        closed("TS-1", "2026-05-01T09:00:00"),
        closed("TS-2", "2026-05-01T10:00:00"),
        closed("TS-3", "2026-05-01T11:00:00"),
        closed("TS-3", "2026-05-01T11:00:00"),
      ],
      [
        { ...settled, ref: "TS-1" },
        { ...settled, ref: "TS-2" },
        { source: "complaint", ref: "TS-2", state: "pending", satisfaction: "neutral" },
        { source: "repair", ref: "TS-1", state: "pending", satisfaction: "" },
      ],
      cutoff,
    );
    expect(due.map((d) => d.id)).toEqual(["TS-1"]);
    const unreachable = archivable(
      [closed("TS-9", "2026-05-01T09:00:00")],
      [{ source: "complaint", ref: "TS-9", state: "unreachable", satisfaction: "" }],
      cutoff,
    );
    expect(unreachable.map((d) => d.id)).toEqual(["TS-9"]);
  });
});

describe("the next batch", () => {
  const cutoff = local("2027-01-10T00:00:00");
  const rules = { max: 3, min: 3, patienceMs: 7 * DAY };
  const due = (id: string, iso: string) => ({ id, closedAt: local(iso) });

  it("waits for a full batch unless the oldest has waited a week past the cutoff", () => {
    expect(nextBatch([due("A", "2027-01-05T09:00:00")], cutoff, SHANGHAI, rules)).toBeNull();
    expect(nextBatch([due("A", "2027-01-02T09:00:00")], cutoff, SHANGHAI, rules)).toEqual({
      year: 2027,
      ids: ["A"],
    });
    expect(nextBatch([], cutoff, SHANGHAI, rules)).toBeNull();
  });

  it("takes the oldest year's earliest complaints, at most a batch", () => {
    const batch = nextBatch(
      [
        due("A", "2025-12-30T09:00:00"),
        due("B", "2025-12-31T23:59:00"),
        due("C", "2026-01-01T00:01:00"),
        due("D", "2026-01-02T09:00:00"),
      ],
      cutoff,
      SHANGHAI,
      rules,
    );
    // 2026-01-01 00:01 in Shanghai is still 2025 in UTC: the office's own calendar decides.
    expect(batch).toEqual({ year: 2025, ids: ["A", "B"] });
    const many = ["A", "B", "C", "D"].map((id, i) => due(id, `2026-03-0${i + 1}T09:00:00`));
    expect(nextBatch(many, cutoff, SHANGHAI, rules)?.ids).toEqual(["A", "B", "C"]);
  });
});

describe("the figures a complaint keeps", () => {
  const complaint = {
    ...emptyComplaint(),
    id: "TS-2026-000001",
    unit: "3栋2单元1201",
    category: "噪音扰民",
    department: "安防",
    receivedAt: new Date(local("2026-03-02T09:00:00")),
    closedAt: new Date(local("2026-03-04T10:00:00")),
    status: "closed" as const,
    slaState: "missed",
  };
  const sla = slaResult(0, {
    firstResponseMinutes: 42,
    resolutionMinutes: 600,
    reopenCount: 1,
    state: "met",
  });
  const archivedAt = new Date(local("2027-04-06T10:00:00"));

  it("are its own verdict, times and reopen count, with where it went", () => {
    expect(frozenFigures(complaint, sla, archivedAt, "https://drive.google.com/file/d/1x/view")).toEqual({
      id: "TS-2026-000001",
      unit: "3栋2单元1201",
      category: "噪音扰民",
      department: "安防",
      receivedAt: complaint.receivedAt,
      firstResponseMinutes: 42,
      resolutionMinutes: 600,
      slaResult: "missed",
      reopenCount: 1,
      closedAt: complaint.closedAt,
      archivedAt,
      archiveFile: "https://drive.google.com/file/d/1x/view",
    });
  });

  it("take the score's verdict when the row has none, and leave unknown times empty", () => {
    const figures = frozenFigures({ ...complaint, slaState: "" }, null, archivedAt, "");
    expect(figures).toMatchObject({ slaResult: "", firstResponseMinutes: null, reopenCount: null });
    expect(frozenFigures({ ...complaint, slaState: "breached" }, sla, archivedAt, "").slaResult).toBe("met");
  });
});

describe("the archive file", () => {
  const when = new Date("2026-03-02T01:00:00.000Z");
  const file: ArchiveFile = {
    format: ARCHIVE_FORMAT,
    version: 1,
    office: "物业客服中心",
    year: 2026,
    part: 3,
    createdAt: "2027-04-06T02:00:00.000Z",
    complaints: ["TS-1"],
    sheets: {
      complaints: { header: ["编号", "受理时间", "投诉内容"], rows: [["TS-1", when, "=楼上噪音，电话 138"]] },
      callbacks: { header: ["回访编号", "关联单号", "回访次数"], rows: [["HF-1", "TS-1", 1]] },
      log: {
        header: ["时间", "编号", "新值"],
        rows: [
          [when, "TS-1", "已关闭"],
          [when, "TS-1", "已关闭"],
        ],
      },
      sent: { header: ["发送时间", "编号"], rows: [] },
    },
  };

  it("keeps text, numbers and dates as they were through JSON", () => {
    const back = parseArchive(serializeArchive(file));
    expect(back).toEqual(file);
    expect(back.sheets.complaints.rows[0]?.[1]).toBeInstanceOf(Date);
    expect(copyProblems(file, back)).toEqual([]);
  });

  it("refuses a file that is not one of the desk's archives", () => {
    expect(() => parseArchive('{"hello": 1}')).toThrow("not a property-desk archive file");
    expect(() =>
      parseArchive(JSON.stringify({ ...file, sheets: { complaints: file.sheets.complaints } })),
    ).toThrow("archive file lacks callbacks");
  });

  it("says which sheet came back short, or changed, or with other complaints", () => {
    const short = {
      ...file,
      sheets: { ...file.sheets, log: { ...file.sheets.log, rows: file.sheets.log.rows.slice(1) } },
    };
    expect(copyProblems(file, short)).toEqual(["log: 1 rows read back, 2 written"]);
    const changed = {
      ...file,
      complaints: ["TS-2"],
      sheets: { ...file.sheets, callbacks: { ...file.sheets.callbacks, rows: [["HF-1", "TS-1", 2]] } },
    };
    expect(copyProblems(file, changed)).toEqual(["complaint IDs differ", "callbacks: rows differ"]);
  });
});

describe("a live row and its copy", () => {
  const at = new Date("2026-03-02T01:00:00.000Z");
  const header = ["编号", "时间", "新值"];

  it("are the same under reordered columns, not when a cell or a column added since holds something else", () => {
    expect(
      sameRow(["新值", "编号", "时间"], ["已关闭", "TS-1", new Date(at.getTime())], header, [
        "TS-1",
        at,
        "已关闭",
      ]),
    ).toBe(true);
    expect(
      sameRow(header, ["TS-1", new Date(at.getTime() + 1000), "已关闭"], header, ["TS-1", at, "已关闭"]),
    ).toBe(false);
    expect(sameRow([...header, "备注"], ["TS-1", at, "已关闭", ""], header, ["TS-1", at, "已关闭"])).toBe(
      true,
    );
    expect(sameRow([...header, "备注"], ["TS-1", at, "已关闭", "补记"], header, ["TS-1", at, "已关闭"])).toBe(
      false,
    );
    expect(sameRow(["编号", "时间"], ["TS-1", at], header, ["TS-1", at, "已关闭"])).toBe(false);
    expect(sameRow(header, ["TS-1", at, 3], header, ["TS-1", at, "3"])).toBe(true);
  });

  it("match one to one: a row twice in the sheet and once in the archive is deleted once", () => {
    const copies = {
      header,
      rows: [
        ["TS-1", at, "已关闭"],
        ["TS-1", at, "处理中"],
      ],
    };
    const live = [
      { row: 4, values: ["TS-1", at, "已关闭"] },
      { row: 7, values: ["TS-1", at, "已关闭"] },
      { row: 9, values: ["TS-1", at, "处理中"] },
      { row: 12, values: ["TS-1", at, "已解决"] },
    ];
    expect(matchedRows(live, header, copies)).toEqual([4, 9]);
  });
});

describe("the journal", () => {
  const journal = {
    phase: "delete" as const,
    year: 2026,
    part: 2,
    fileId: "1abc",
    folderId: "1def",
    ids: ["TS-2026-000001"],
    stage: 2,
    kept: ["TS-2026-000009"],
    startedAt: 5,
  };

  it("reads back what was written, and nothing from a value that is not one", () => {
    expect(decodeJournal(encodeJournal(journal))).toEqual(journal);
    expect(decodeJournal(null)).toBeNull();
    expect(decodeJournal("{oops")).toBeNull();
    expect(decodeJournal(JSON.stringify({ ...journal, v: 2 }))).toBeNull();
    expect(decodeJournal(JSON.stringify({ v: 1, ...journal, stage: 99 }))?.stage).toBe(4);
  });

  it("fits a property value: a batch is cut to the IDs one journal can name", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `TS-2026-${String(i).padStart(6, "0")}`);
    const fitting = fitsJournal(ids);
    expect(fitting.length).toBeGreaterThan(300);
    expect(fitting.length).toBeLessThan(ids.length);
    expect(encodeJournal({ ...journal, ids: fitting, kept: [] }).length).toBeLessThanOrEqual(
      MAX_JOURNAL_CHARS,
    );
    expect(() => encodeJournal({ ...journal, ids })).toThrow("too large");
  });
});
