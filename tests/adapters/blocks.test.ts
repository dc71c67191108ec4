/** The Office adapter's pure helpers: rectangles, cell contents, sizes, A1 areas. */
import {
  cellContent,
  jsonBytes,
  needsQuotePrefix,
  parseAreas,
  rectangles,
  utf8Bytes,
} from "../../src/adapters/blocks";
import { columnWidthPoints } from "../../src/adapters/office";
import { parseArea } from "../../src/sheet/grid";

describe("rectangles", () => {
  it("joins runs per row, then equal runs down the rows", () => {
    const cells = [
      ...[0, 1, 2].map((col) => ({ row: 0, col })), // A1:C1
      ...[0, 1, 2].map((col) => ({ row: 1, col })), // A2:C2 → A1:C2
      { row: 2, col: 0 }, // A3
      { row: 2, col: 2 }, // C3
      { row: 3, col: 2 }, // C4 → C3:C4
      { row: 0, col: 1 }, // a duplicate
    ];
    expect(rectangles(cells)).toEqual([
      { top: 0, left: 0, bottom: 1, right: 2 },
      { top: 2, left: 0, bottom: 2, right: 0 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ]);
  });

  it("covers exactly the cells given, one column of 1 000 as one block", () => {
    const column = Array.from({ length: 1000 }, (_, row) => ({ row, col: 3 }));
    expect(rectangles(column)).toEqual([{ top: 0, left: 3, bottom: 999, right: 3 }]);
    const gaps = [
      { row: 0, col: 0 },
      { row: 2, col: 0 },
    ];
    expect(rectangles(gaps)).toHaveLength(2);
    expect(rectangles([])).toEqual([]);
  });
});

describe("cellContent", () => {
  it("a formula with one '=', constants as they are, blank as ''", () => {
    expect(cellContent(undefined, "SUM(A1:A3)")).toBe("=SUM(A1:A3)");
    expect(cellContent(3, "=MIN(4,C3)")).toBe("=MIN(4,C3)");
    expect(cellContent(0.65, undefined)).toBe(0.65);
    expect(cellContent(true, undefined)).toBe(true);
    expect(cellContent(null, undefined)).toBe("");
    expect(cellContent("达标", undefined)).toBe("达标");
  });

  it("text Excel would parse keeps a quote prefix", () => {
    for (const t of ["1.1", "1.10", "65%", "2023年1月", "1/2", "12:30", "TRUE", "=A1", "+1", "-", "#N/A", "'x", " 12 "])
      expect([t, needsQuotePrefix(t)]).toEqual([t, true]);
    for (const t of ["达标", "指标1", "第1项", "1.1 建立领导小组", "", "否"])
      expect([t, needsQuotePrefix(t)]).toEqual([t, false]);
    expect(cellContent("1.1", undefined)).toBe("'1.1");
  });
});

describe("sizes", () => {
  it("counts UTF-8 bytes (Chinese 3, astral 4)", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("自评")).toBe(6);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("𠀀")).toBe(4);
    expect(jsonBytes([["是", 1]])).toBe('[["",1]]'.length + 3);
  });

  it("column widths in points: 8.43 characters is Excel's 48 pt", () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 1);
  });
});

describe("A1 areas", () => {
  it("parses ranges and RangeAreas addresses, quoted sheet names with commas included", () => {
    expect(parseArea("$B$3:$D$9")).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
    expect(parseArea("D9:B3")).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
    expect(parseArea("A:A")).toBeUndefined();
    expect(parseAreas("'表1, 2'!C3:D4, '表1, 2'!A1:A3")).toEqual([
      { top: 0, left: 0, bottom: 2, right: 0 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
    expect(parseAreas("Sheet1!$A$1:$B$2")).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect(parseAreas("")).toEqual([]);
  });
});
