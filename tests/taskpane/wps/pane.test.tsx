/** @jest-environment jsdom */
/* global document */
/**
 * Both panes inside WPS 表格, in jsdom, over the WPS host and the stateful ET fake holding the bundled
 * 曹县 sample (assets/samples/曹县-评分细则.xlsx): recognized (31 / 31), prepared when the ribbon's
 * 准备工作簿 asks (nothing written before 确定), evidence typed by a person followed through
 * SheetChange, and 发送前校验 from the ribbon listing the findings, a click selecting the cell.
 */
import * as React from "react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getByRole, waitFor as waitForDom } from "@testing-library/dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { postCommand } from "../../../src/adapters/wps/index";
import { readWorkbook } from "../../../src/adapters/xlsx/index";
import { evidenceEntryPlan } from "../../../src/plan/evidenceEntry";
import { trustedBuiltinRubrics } from "../../../src/rubric/builtin/data";
import { findBuiltinRubric } from "../../../src/rubric/builtin/index";
import { areaA1 } from "../../../src/sheet/grid";
import App from "../../../src/taskpane/components/App";
import { createWpsHost } from "../../../src/taskpane/hosts/wpsHost";
import { LitePane } from "../../../src/taskpane/lite/pane";
import { installStyles } from "../../../src/taskpane/lite/styles";
import { FakeEt } from "../../support/wps/fakeEt";
import { dialogClosed } from "../components/jsdomShims";

configure({ asyncUtilTimeout: 5000 });

const CAOXIAN = join(__dirname, "..", "..", "..", "assets", "samples", "曹县-评分细则.xlsx");

async function caoxian(): Promise<FakeEt> {
  const grids = (await readWorkbook(readFileSync(CAOXIAN))).grids();
  return new FakeEt({
    name: "曹县-评分细则.xlsx",
    sheets: grids.map((g) => ({
      name: g.sheet,
      values: g.values as unknown[][],
      formulas: g.formulas,
      numberFormats: g.numberFormats,
      merges: g.merges.map((m) => areaA1(m)),
    })),
  });
}

/**
 * sd-2023 1.1.a "建立联席会议或议事协调机构的得2分", 1.1.c "召开年度联席会议的得1分", 1.2.a
 * "列入财政预算的得2分": 2 + 1 + 2 = 5 points, all in 一级指标 1 (强化保障机制, 18 分). A person types
 * them into 自评依据 (the cells the evidence form would write).
 */
function typeEvidence(fake: FakeEt): void {
  const typed = evidenceEntryPlan(findBuiltinRubric("sd-2023")!, {
    values: { "1.1.a": "是", "1.1.c": "是", "1.2.a": "是" },
  });
  const cells = typed.ops.filter((op) => op.op === "set");
  expect(cells).toHaveLength(3);
  for (const op of cells) if (op.op === "set") fake.type(op.sheet, op.cell, op.value);
}

/** Our own write's echo is ignored for 800 ms after it (adapters/wps/events.ts): let that pass. */
const afterOwnWrites = () => new Promise((resolve) => setTimeout(resolve, 900));

describe("the lite pane in WPS", () => {
  test("recognizes 曹县, prepares it from the ribbon, follows typed evidence, validates from the ribbon", async () => {
    const fake = await caoxian();
    document.body.innerHTML = "";
    const root = document.createElement("div");
    document.body.appendChild(root);
    installStyles();
    // The ribbon's 准备工作簿 left its command, then opened the pane.
    postCommand(fake.storage, "prepare");
    const host = createWpsHost(fake.app);
    expect(host.kind).toBe("wps");
    const pane = new LitePane(root, { host, rubrics: trustedBuiltinRubrics, reason: "WPS：精简界面" });
    await pane.start();
    const byId = (id: string) => document.getElementById(id);

    expect(byId("zl-matched")!.textContent).toBe("已匹配 31 / 31 个二级指标");
    expect(byId("zl-rubric")!.textContent).toMatch(/^评分细则：县域养老服务体系建设指标与评分细则（2023年修订版）/);
    // The command: the proposal, nothing written yet.
    const dialog = await waitForDom(() => getByRole(root, "dialog", { name: "准备工作簿" }));
    expect(fake.sheets()).not.toContain("自评依据");
    (getByRole(dialog, "button", { name: "确定" }) as HTMLButtonElement).click();
    await waitForDom(() => expect(byId("zl-message")!.textContent).toBe("准备工作簿已完成。"));
    expect(fake.sheets()).toEqual(expect.arrayContaining(["自评依据", "指标数据", "自评汇总", "_ziping"]));
    expect(fake.visibility("_ziping")).toBe(0);
    // The self-score is the 自评得分 column as sent: the sample's ten typed scores are kept
    // (assets/samples/README.md: 16 + 5 + 9 = 30), the other rows are formulas over empty evidence.
    expect(byId("zl-total")!.textContent).toBe("30 / 100 分");

    await afterOwnWrites();
    typeEvidence(fake);
    // The evidence typed (1.1.a 2 分, 1.1.c 1 分, 1.2.a 2 分 = 5) is for rows whose scores were typed:
    // the self-score stays 30, and 按自评依据可得 says 5 beside it.
    await waitForDom(() => expect(byId("zl-supported")!.textContent).toMatch(/^按自评依据可得 5\/100 分/));
    expect(byId("zl-total")!.textContent).toBe("30 / 100 分");
    expect(document.querySelector(".category .value")!.textContent).toBe("16 / 18 分");

    // The ribbon's 发送前校验: the sample's typed 自评得分 exceed what the evidence supports.
    postCommand(fake.storage, "validate");
    await waitForDom(() => expect(byId("zl-message")!.textContent).toMatch(/^发现 \d+ 个错误/));
    expect(byId("zl-counts")!.textContent).toMatch(/^错误 [1-9]\d* · 警告 \d+ · 提示 \d+/);
    const finding = root.querySelector("button.finding[data-cell]:not([data-cell=''])") as HTMLButtonElement;
    finding.click();
    await waitForDom(() =>
      expect(fake.selection()).toEqual({ sheet: finding.getAttribute("data-sheet"), address: finding.getAttribute("data-cell") })
    );
  });

  test("准备工作簿 from the ribbon on a workbook with nothing to score says so", async () => {
    const fake = new FakeEt({ sheets: [{ name: "Sheet1", values: [["你好"]] }] });
    document.body.innerHTML = "";
    const root = document.createElement("div");
    document.body.appendChild(root);
    postCommand(fake.storage, "prepare");
    await new LitePane(root, { host: createWpsHost(fake.app), rubrics: trustedBuiltinRubrics, reason: "" }).start();
    await waitForDom(() =>
      expect(document.getElementById("zl-message")!.textContent).toMatch(/^准备工作簿未能进行：未在工作簿中识别出/)
    );
    expect(fake.sheets()).toEqual(["Sheet1"]);
  });
});

describe("the full pane in WPS", () => {
  test("recognizes 曹县, prepares it from the ribbon, follows typed evidence, validates from the ribbon", async () => {
    const fake = await caoxian();
    postCommand(fake.storage, "prepare");
    render(<App host={createWpsHost(fake.app)} rubrics={trustedBuiltinRubrics} />);
    await screen.findByText("已匹配 31 / 31 个二级指标");

    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getByText("准备工作簿", { selector: "h2" })).toBeTruthy();
    expect(fake.sheets()).not.toContain("自评依据");
    fireEvent.click(within(dialog).getByRole("button", { name: "确定", hidden: true }));
    await dialogClosed();
    await waitFor(() => expect(fake.sheets()).toEqual(expect.arrayContaining(["自评依据", "指标数据", "自评汇总"])));
    // The typed scores kept (16 + 5 + 9 = 30); the evidence's 5 shows as 按自评依据可得 (see above).
    await waitFor(() => expect(screen.getByTestId("total").textContent).toBe("30 / 100 分"));

    await afterOwnWrites();
    typeEvidence(fake);
    await waitFor(() => expect(screen.getByTestId("supported").textContent).toMatch(/^按自评依据可得 5\/100 分/));
    expect(screen.getByTestId("total").textContent).toBe("30 / 100 分");

    postCommand(fake.storage, "validate");
    await waitFor(() => expect(screen.getByRole("tab", { name: /^校验/ }).getAttribute("aria-selected")).toBe("true"));
    await screen.findAllByText(/超过/);
  });
});
