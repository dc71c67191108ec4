/**
 * The city's batch check: one row per county workbook, ranked by total within each rubric (a file
 * that could not be read or recognized has its reason and no rank).
 */
export interface BatchRow {
  file: string;
  rubric: { id: string; title: string; derived: boolean } | null;
  total: number | null;
  max: number | null;
  bonus: number | null;
  /** 按自评依据可得 (the evidence's score), null where the workbook has no 自评依据. */
  supported: number | null;
  errors: number;
  warnings: number;
  unmet: number;
  rank: number | null;
  /** Why the file has no score, in Chinese. */
  error?: string;
  /** How the file was read, where that is worth saying (an .xls converted by LibreOffice). */
  note?: string;
}

/** Ranks rows by total within each rubric, highest first; equal totals share a rank (1, 2, 2, 4). */
export function rankRows(rows: BatchRow[]): BatchRow[] {
  const byRubric = new Map<string, BatchRow[]>();
  for (const row of rows) {
    if (!row.rubric || row.total === null) continue;
    const list = byRubric.get(row.rubric.id) ?? [];
    list.push(row);
    byRubric.set(row.rubric.id, list);
  }
  for (const list of byRubric.values()) {
    list.sort((a, b) => b.total! - a.total! || a.file.localeCompare(b.file));
    list.forEach((row, i) => (row.rank = i > 0 && list[i - 1].total === row.total ? list[i - 1].rank : i + 1));
  }
  const rubricOrder = Array.from(byRubric.keys());
  return rows.slice().sort((a, b) => {
    const ra = a.rubric ? rubricOrder.indexOf(a.rubric.id) : rubricOrder.length;
    const rb = b.rubric ? rubricOrder.indexOf(b.rubric.id) : rubricOrder.length;
    return ra - rb || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.file.localeCompare(b.file);
  });
}
