/** @jest-environment jsdom */
/**
 * 打开通知文件 in the standalone page: a Word notice becomes the workbook the page opens, its
 * targets a note; the first screen routes .docx to it and says what to do with a .doc.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook } from "../../../src/adapters/xlsx/index";
import { builtinRubrics } from "../../../src/rubric/builtin/index";
import { recognizeWorkbook } from "../../../src/sheet/workbook";
import { noticeWorkbook } from "../../../src/taskpane/standalone/notice";
import { OpenFile } from "../../../src/taskpane/standalone/OpenFile";
import "../components/jsdomShims";

const NOTICES = join(__dirname, "..", "..", "..", "assets", "samples", "通知");

test("the 微山 notice becomes a workbook recognized as weishan-2023 (31 rows); its targets are the note", async () => {
  const imported = await noticeWorkbook("微山县-通知.docx", readFileSync(join(NOTICES, "微山县-通知.docx")));
  expect(imported.name).toBe("微山县-通知.xlsx");
  expect(imported.note).toContain("已由通知“微山县-通知.docx”导入 1 个评分表");
  expect(imported.note).toContain("保障失能特困人员进行集中供养，集中供养率保持60%以上");
  const [sheet] = recognizeWorkbook((await readWorkbook(imported.bytes)).grids(), builtinRubrics);
  expect(sheet.match).toMatchObject({ rubric: { id: "weishan-2023" }, missing: [], unmatchedRows: [] });
  expect(sheet.match!.matches).toHaveLength(31);
});

test("a notice with no scoring table: a Chinese error that still lists its targets", async () => {
  await expect(noticeWorkbook("江永县-方案.docx", readFileSync(join(NOTICES, "江永县-方案.docx")))).rejects.toThrow(
    /没有评分表.*确保养老机构消防审验率达100%/
  );
});

test("the first screen: 打开通知文件 sends a .docx to the import, a .doc gets how to save it as .docx", async () => {
  const onOpen = jest.fn(async () => undefined);
  const onOpenNotice = jest.fn(async () => undefined);
  render(<OpenFile onOpen={onOpen} onOpenNotice={onOpenNotice} />);
  expect(screen.getByRole("button", { name: "打开通知文件" })).toBeTruthy();
  const input = screen.getByLabelText("选择 Word 通知（.docx）");
  const file = (name: string) => {
    const f = new File(["x"], name);
    Object.defineProperty(f, "arrayBuffer", { value: async () => new ArrayBuffer(1) });
    return f;
  };
  fireEvent.change(input, { target: { files: [file("通知.docx")] } });
  await waitFor(() => expect(onOpenNotice).toHaveBeenCalledWith("通知.docx", expect.anything()));
  expect(onOpen).not.toHaveBeenCalled();
  fireEvent.change(input, { target: { files: [file("通知.doc")] } });
  expect(await screen.findByText(/旧版 Word 文档（.doc）请先在 Word 或 WPS 中另存为 .docx/)).toBeTruthy();
});
