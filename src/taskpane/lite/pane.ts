/**
 * The lite pane: the add-in's core work in IE11's webview (Office 2016/2019 volume licence), in
 * plain DOM. It recognizes the sheets, prepares the workbook (准备工作簿), checks it before it is
 * sent (发送前校验) with every finding selecting its cell, and shows the total, the bonus, each
 * 一级指标 and the unmet thresholds. Everything is computed by the same core as the full pane, and
 * every write goes through the same host (the Office.js adapter), saying first what it will change.
 *
 * State lives here and the whole pane is drawn again from it on every change (a few hundred
 * nodes); the focused control is found again by its id, so keyboard users keep their place.
 */
import { buildReportPlan } from "../../plan/report";
import { countBySeverity, SEVERITY_NAMES, type Finding, type Severity } from "../../check/findings";
import type { WorkbookPlan } from "../../plan/plan";
import type { Rubric } from "../../rubric/schema";
import { formatPoints } from "../../rubric/text";
import { fillChoices } from "../components/plans";
import { errorText, KIND_NAMES, otherSheetLine } from "../components/format";
import { hostAppName, type HostCommand, type WorkbookHost, type WorkbookSnapshot } from "../model/host";
import { analyzeBuiltin, type BuiltinAnalysis } from "../model/analyzeBuiltin";
import { proposalText } from "../model/proposal";
import { blankMetricCount, categoryBar, scoreNotes, thresholdValueText, unmetThresholds } from "../model/dashboard";
import { el, replaceChildren, type Child } from "./dom";

/* global document, window, HTMLElement */

/** How long after the last reported edit the workbook is read again (as in the full pane). */
const CHANGE_DEBOUNCE_MS = 300;

export interface LitePaneOptions {
  host: WorkbookHost;
  rubrics: readonly Rubric[];
  /** One line: why the lite pane is shown (from the loader). */
  reason: string;
}

interface Proposal {
  title: string;
  plan: WorkbookPlan;
  /** The same action replacing what `plan` keeps (准备工作簿's 覆盖). */
  overwrite?: WorkbookPlan;
}

interface Message {
  kind: "info" | "success" | "warning" | "error";
  text: string;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** 准备工作簿 asked for (from the ribbon) where no table with a matching rubric was recognized. */
export const NOTHING_TO_PREPARE =
  "准备工作簿未能进行：未在工作簿中识别出有相符评分细则的任务分解表、评分细则或考核表。";

const FULL_PANE =
  "请在 Office 2021、Office 2024 或 Microsoft 365 中打开自评助手，或使用命令行 ziping（ziping derive）。";
const FULL_PANE_WPS = "请升级到较新的 WPS Office 后打开自评助手，或使用命令行 ziping（ziping derive）。";

/**
 * Deriving a rubric from a sheet's sentences, and checking one stored in the workbook, need the
 * rubric schema (zod), which the lite bundle does not carry: said, never guessed.
 */
const DERIVATION_NEEDED: Record<"remembered" | "unmatched", string> = {
  remembered: "此工作簿使用由表格自身生成的评分细则，精简界面不能核对和使用它。",
  unmatched: "表格不属于内置的评分细则；由表格自身的评分语句生成评分细则需要完整界面。",
};

export class LitePane {
  private snapshot?: WorkbookSnapshot;
  private analysis?: BuiltinAnalysis;
  private busy = false;
  private loading = true;
  private message?: Message;
  private skipped: string[] = [];
  private proposal?: Proposal;
  private showNotes = false;
  /** Host calls run one after the other, so a read never overtakes the write before it. */
  private queue: Promise<unknown> = Promise.resolve();
  private changeTimer?: number;

  constructor(
    private readonly root: HTMLElement,
    private readonly options: LitePaneOptions
  ) {}

  /** Draws the pane, reads the workbook and, where Excel reports edits (ExcelApi 1.7), follows them. */
  start(): Promise<void> {
    this.render();
    const { host } = this.options;
    if (host.onChange) {
      host.onChange(() => {
        if (this.changeTimer !== undefined) window.clearTimeout(this.changeTimer);
        this.changeTimer = window.setTimeout(() => {
          this.changeTimer = undefined;
          void this.refresh();
        }, CHANGE_DEBOUNCE_MS);
      });
    }
    const first = this.refresh();
    // WPS's ribbon asks for 准备工作簿 or 发送前校验: done once the workbook has been read (the
    // queue holds the first read by now).
    if (host.onCommand) host.onCommand((command) => void this.queue.then(() => this.run(command)));
    return first;
  }

  /** Reads the workbook again and recomputes everything. */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      let what = "读取工作簿";
      try {
        const snapshot = await this.options.host.read();
        this.snapshot = snapshot;
        what = "识别工作簿";
        this.analysis = analyzeBuiltin(snapshot.grids, this.options.rubrics);
      } catch (e) {
        this.message = { kind: "error", text: what + "失败：" + errorText(e) };
      } finally {
        this.loading = false;
      }
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task, task).then(
      () => this.render(),
      () => this.render()
    );
    this.queue = run;
    return run;
  }

  // --- actions ---------------------------------------------------------------------------------

  /** An action the host asks for (WPS's ribbon), as if its button had been clicked. */
  private run(command: HostCommand): void {
    if (this.busy || this.proposal) return;
    if (command === "validate") {
      this.validate();
      return;
    }
    if (this.analysis && this.analysis.primary && this.analysis.primary.match) {
      this.proposeFill();
      return;
    }
    this.message = { kind: "error", text: NOTHING_TO_PREPARE };
    this.render();
  }

  private propose(title: string, build: () => { plan: WorkbookPlan; overwrite?: WorkbookPlan }): void {
    try {
      this.proposal = { title, ...build() };
      this.message = undefined;
    } catch (e) {
      this.message = { kind: "error", text: title + "未能进行：" + errorText(e) };
    }
    this.render();
    const panel = document.getElementById("zl-proposal");
    if (panel) panel.focus();
  }

  private proposeFill(): void {
    const primary = this.analysis && this.analysis.primary;
    if (!primary || !this.snapshot) return;
    const grids = this.snapshot.grids;
    this.propose("准备工作簿", () => fillChoices(grids, primary));
  }

  private proposeReport(): void {
    if (!this.snapshot || !this.analysis) return;
    const grids = this.snapshot.grids;
    const { findings, scored, rubric } = this.analysis;
    this.propose("写入校验报告", () => ({ plan: buildReportPlan(grids, findings, scored, rubric) }));
  }

  private confirm(overwrite = false): void {
    const proposal = this.proposal;
    if (!proposal || this.busy) return;
    const plan = overwrite && proposal.overwrite ? proposal.overwrite : proposal.plan;
    this.busy = true;
    this.render();
    void this.enqueue(async () => {
      try {
        const result = await this.options.host.apply(plan);
        this.skipped = result.skipped;
        this.proposal = undefined;
        this.message = { kind: "success", text: proposal.title + "已完成。" };
        const snapshot = await this.options.host.read();
        this.snapshot = snapshot;
        this.analysis = analyzeBuiltin(snapshot.grids, this.options.rubrics);
      } catch (e) {
        this.message = { kind: "error", text: proposal.title + "未能完成：" + errorText(e) };
      } finally {
        this.busy = false;
      }
    });
  }

  private cancel(): void {
    this.proposal = undefined;
    this.render();
    focusById("zl-prepare");
  }

  private validate(): void {
    this.message = undefined;
    void this.refresh().then(() => {
      // The workbook could not be read again: that is what to say, not the last counts.
      if (this.message && this.message.kind === "error") return;
      const findings = this.analysis ? this.analysis.findings : [];
      const counts = countBySeverity(findings);
      this.message =
        counts.error > 0
          ? { kind: "error", text: "发现 " + counts.error + " 个错误，请改正后再报送。" }
          : counts.warning > 0
            ? { kind: "warning", text: "没有错误；有 " + counts.warning + " 个警告，请逐条确认。" }
            : { kind: "success", text: "校验通过：没有错误和警告。" };
      this.render();
      focusById("zl-findings-heading");
    });
  }

  private select(finding: Finding): void {
    void this.options.host.select(finding.sheet, finding.cell).catch((e: unknown) => {
      this.message = { kind: "error", text: "无法选中 " + finding.sheet + "!" + finding.cell + "：" + errorText(e) };
      this.render();
    });
  }

  // --- drawing ---------------------------------------------------------------------------------

  render(): void {
    const active = document.activeElement as HTMLElement | null;
    const focusedId = active && this.root.contains(active) ? active.id : "";
    replaceChildren(
      this.root,
      el(
        "div",
        { class: "zl" },
        el(
          "header",
          null,
          el("h1", null, "自评助手"),
          el("p", { class: "reason", id: "zl-reason" }, this.options.reason)
        ),
        this.recognitionSection(),
        this.actionsSection(),
        this.proposalPanel(),
        this.messageLine(),
        this.skippedLines(),
        this.scoreSection(),
        this.findingsSection(),
        this.notesSection()
      )
    );
    if (focusedId) focusById(focusedId);
  }

  private recognitionSection(): HTMLElement {
    const a = this.analysis;
    const body: Child[] = [el("h2", null, "识别结果")];
    if (!a) {
      body.push(el("p", { class: "muted" }, this.loading ? "正在读取工作簿…" : "尚未读取工作簿。"));
    } else if (a.primary) {
      const primary = a.primary;
      body.push(
        el(
          "p",
          { id: "zl-sheet" },
          "工作表“" + primary.layout.sheet + "”",
          el("span", { class: "badge" }, KIND_NAMES[primary.layout.kind])
        )
      );
      if (a.rubric)
        body.push(el("p", { id: "zl-rubric" }, "评分细则：" + a.rubric.title + "（" + a.rubric.document + "）"));
      const match = primary.match;
      if (match) {
        let indicators = 0;
        for (const c of match.rubric.categories) indicators += c.indicators.length;
        body.push(el("p", { id: "zl-matched" }, "已匹配 " + match.matches.length + " / " + indicators + " 个二级指标"));
        const gaps: string[] = [];
        if (match.unmatchedRows.length) gaps.push("表中 " + match.unmatchedRows.length + " 行未对应评分细则");
        if (match.missing.length) gaps.push("细则中 " + match.missing.length + " 个二级指标在表中未找到");
        if (match.pointsDiffer.length) gaps.push(match.pointsDiffer.length + " 个指标的分值与细则不同");
        if (gaps.length) body.push(el("p", { class: "muted" }, gaps.join("；") + "，详见校验结果。"));
      }
    } else {
      body.push(el("p", { id: "zl-sheet" }, "未在工作簿中识别出任务分解表、评分细则或考核表。"));
    }
    const others = a ? a.sheets.filter((s) => s !== a.primary) : [];
    if (others.length)
      body.push(
        el(
          "ul",
          { id: "zl-other-sheets", class: "muted", "aria-label": "其他工作表" },
          ...others.map((s) => el("li", null, otherSheetLine(s)))
        )
      );
    const derivation =
      a && a.derivationNeeded
        ? DERIVATION_NEEDED[a.derivationNeeded] + (this.options.host.kind === "wps" ? FULL_PANE_WPS : FULL_PANE)
        : undefined;
    if (derivation) body.push(el("div", { class: "message warning", role: "note" }, derivation));
    return el("section", { "aria-labelledby": "zl-recognition" }, ...withHeadingId(body, "zl-recognition"));
  }

  private actionsSection(): HTMLElement {
    const a = this.analysis;
    const canFill = Boolean(a && a.primary && a.primary.match) && !this.busy && !this.proposal;
    const idle = !this.busy && !this.proposal;
    return el(
      "div",
      { class: "actions", role: "group", "aria-label": "操作" },
      el(
        "button",
        {
          id: "zl-prepare",
          class: "primary",
          type: "button",
          disabled: !canFill,
          title: "写入自评得分公式，并添加“自评依据”“指标数据”“自评汇总”工作表",
          onclick: () => this.proposeFill(),
        },
        a && a.filled ? "重新准备工作簿" : "准备工作簿"
      ),
      el(
        "button",
        { id: "zl-validate", type: "button", disabled: !idle || !a, onclick: () => this.validate() },
        "发送前校验"
      ),
      el(
        "button",
        {
          id: "zl-refresh",
          type: "button",
          disabled: !idle,
          title: "重新读取工作簿并计算",
          onclick: () => {
            this.message = undefined;
            void this.refresh();
          },
        },
        "刷新"
      )
    );
  }

  private proposalPanel(): HTMLElement | null {
    const p = this.proposal;
    if (!p) return null;
    const text = proposalText(p.plan, p.overwrite);
    const body: Child[] = [el("h2", { id: "zl-proposal-title" }, p.title), el("h3", null, "将要进行的修改")];
    if (text.changes.length) body.push(el("ul", null, ...text.changes.map((line) => el("li", null, line))));
    else body.push(el("p", null, text.noSummary));
    if (text.keptHeading) {
      body.push(el("h3", null, text.keptHeading));
      body.push(el("ul", { class: "muted" }, ...text.kept.map((line) => el("li", null, line))));
      if (text.overwriteNote) body.push(el("p", null, text.overwriteNote));
    }
    body.push(
      el(
        "div",
        { class: "actions" },
        el(
          "button",
          {
            id: "zl-confirm",
            class: "primary",
            type: "button",
            disabled: text.nothing || this.busy,
            onclick: () => this.confirm(),
          },
          this.busy ? "正在写入…" : "确定"
        ),
        text.overwriteLabel
          ? el(
              "button",
              { id: "zl-overwrite", type: "button", disabled: this.busy, onclick: () => this.confirm(true) },
              text.overwriteLabel
            )
          : null,
        el("button", { id: "zl-cancel", type: "button", disabled: this.busy, onclick: () => this.cancel() }, "取消")
      )
    );
    return el(
      "div",
      {
        id: "zl-proposal",
        class: "panel",
        role: "dialog",
        "aria-labelledby": "zl-proposal-title",
        tabindex: -1,
        onkeydown: (event: Event) => {
          if ((event as KeyboardEvent).keyCode === 27 && !this.busy) this.cancel();
        },
      },
      ...body
    );
  }

  private messageLine(): HTMLElement | null {
    const m = this.message;
    if (!m) return null;
    return el(
      "div",
      { id: "zl-message", class: "message " + m.kind, role: m.kind === "error" ? "alert" : "status" },
      m.text
    );
  }

  private skippedLines(): HTMLElement | null {
    if (!this.skipped.length) return null;
    return el(
      "div",
      { id: "zl-skipped", class: "message warning", role: "note" },
      el("p", null, "当前 " + hostAppName(this.options.host.kind) + " 版本不支持的部分已跳过，其余内容已写入："),
      el("ul", null, ...this.skipped.map((line) => el("li", null, line)))
    );
  }

  private scoreSection(): HTMLElement | null {
    const a = this.analysis;
    if (!a || !a.score || !a.rubric) return null;
    const { score, rubric } = a;
    const unmet = unmetThresholds(score.thresholds);
    const blank = blankMetricCount(score.thresholds);
    const notes = scoreNotes(a.scored);
    return el(
      "section",
      { "aria-labelledby": "zl-score-heading" },
      el("h2", { id: "zl-score-heading" }, "自评得分"),
      el("p", { id: "zl-total", class: "total" }, formatPoints(score.total) + " / " + formatPoints(score.max) + " 分"),
      score.bonus.max > 0
        ? el("p", { id: "zl-bonus" }, "加分 " + formatPoints(score.bonus.score) + " / " + formatPoints(score.bonus.max))
        : null,
      el("p", { class: "muted" }, notes.source),
      notes.supported ? el("p", { id: "zl-supported" }, notes.supported) : null,
      notes.differences.length
        ? el("ul", { id: "zl-differences" }, ...notes.differences.map((d) => el("li", {}, d)))
        : null,
      el("h3", null, "各一级指标"),
      ...score.categories.map((c) => {
        const bar = categoryBar(c);
        const percent = Math.round(bar.fraction * 100);
        return el(
          "div",
          { class: "category" },
          el("div", { class: "bar-label" }, el("span", { class: "value" }, bar.text), bar.title),
          el(
            "div",
            {
              class: "bar",
              role: "progressbar",
              "aria-label": bar.title,
              "aria-valuemin": 0,
              "aria-valuemax": 100,
              "aria-valuenow": percent,
              "aria-valuetext": bar.text,
            },
            el("div", { class: "bar-fill", style: "width: " + percent + "%" })
          )
        );
      }),
      el("h3", { id: "zl-unmet-heading" }, "未达标（" + unmet.length + "）"),
      unmet.length
        ? el(
            "ul",
            { id: "zl-unmet", "aria-labelledby": "zl-unmet-heading" },
            ...unmet.map((t) =>
              el(
                "li",
                null,
                t.name + "：",
                el("span", { class: "unmet" }, thresholdValueText(rubric, t)),
                "，目标 " + t.boundText
              )
            )
          )
        : el("p", null, "已填写的指标数据均已达标。"),
      blank ? el("p", { class: "muted" }, "还有 " + blank + " 项指标数据未填写。") : null
    );
  }

  private findingsSection(): HTMLElement | null {
    const a = this.analysis;
    if (!a || !a.primary) return null;
    const counts = countBySeverity(a.findings);
    const body: Child[] = [
      el("h2", { id: "zl-findings-heading", tabindex: -1 }, "校验结果"),
      el(
        "p",
        { id: "zl-counts" },
        SEVERITIES.map((s) => SEVERITY_NAMES[s] + " " + counts[s]).join(" · ") +
          (a.findings.length ? "（点击一条可选中其单元格）" : "")
      ),
    ];
    if (!a.findings.length) body.push(el("p", null, "没有发现问题。"));
    for (const severity of SEVERITIES) {
      const group = a.findings.filter((f) => f.severity === severity);
      if (!group.length) continue;
      body.push(el("h3", null, SEVERITY_NAMES[severity] + "（" + group.length + "）"));
      group.forEach((f, i) => {
        const where = f.cell ? f.sheet + "!" + f.cell : f.sheet;
        body.push(
          el(
            "button",
            {
              id: "zl-finding-" + severity + "-" + i,
              class: "finding " + severity,
              type: "button",
              "data-sheet": f.sheet,
              "data-cell": f.cell,
              title: f.cell ? "选中 " + where : undefined,
              onclick: () => this.select(f),
            },
            f.message + (f.accepted ? "（已说明：" + f.accepted.note + "）" : ""),
            el("span", { class: "cell" }, where)
          )
        );
      });
    }
    if (a.findings.length) {
      body.push(
        el(
          "div",
          { class: "actions" },
          el(
            "button",
            {
              id: "zl-report",
              type: "button",
              disabled: this.busy || Boolean(this.proposal),
              onclick: () => this.proposeReport(),
            },
            "写入“校验报告”工作表"
          )
        )
      );
    }
    return el("section", { id: "zl-findings", "aria-labelledby": "zl-findings-heading" }, ...body);
  }

  private notesSection(): HTMLElement | null {
    const notes = this.options.host.notes;
    if (!notes.length) return null;
    return el(
      "section",
      { class: "notes" },
      el(
        "button",
        {
          id: "zl-notes-toggle",
          type: "button",
          "aria-expanded": this.showNotes ? "true" : "false",
          "aria-controls": "zl-notes",
          onclick: () => {
            this.showNotes = !this.showNotes;
            this.render();
          },
        },
        (this.showNotes ? "收起" : "查看") +
          "当前 " +
          hostAppName(this.options.host.kind) +
          " 版本的限制（" +
          notes.length +
          "）"
      ),
      this.showNotes ? el("ul", { id: "zl-notes", class: "muted" }, ...notes.map((n) => el("li", null, n))) : null
    );
  }
}

function focusById(id: string): void {
  const node = document.getElementById(id);
  if (node) node.focus();
}

/** Gives the section's first heading an id, for aria-labelledby. */
function withHeadingId(children: Child[], id: string): Child[] {
  const first = children[0];
  if (first && typeof first !== "string") (first as HTMLElement).id = id;
  return children;
}
