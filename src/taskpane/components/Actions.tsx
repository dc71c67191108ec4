/**
 * The pane's actions, one click each: 准备工作簿, 发送前校验, 按责任单位拆分, 合并各单位报送 (pick
 * the units' returned files), 新建模板 (and 下载 for a file opened in the browser). Each that writes
 * proposes its plan first; nothing is applied before the confirmation dialog's 确定.
 */
import * as React from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookPlan } from "../../plan/plan";
import { hasUnitColumn, unitSheet } from "../../plan/split";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import type { Analysis } from "../model/analysis";
import { splitPlan } from "./plans";
import { TemplateDialog } from "./TemplateDialog";

/** A write waiting for the user's 确定. */
export interface Proposal {
  title: string;
  /** For the error line: "准备工作簿失败：…". */
  what: string;
  plan: WorkbookPlan;
  /** The same action replacing what the plan keeps (准备工作簿 → 覆盖已填写的得分). */
  overwrite?: WorkbookPlan;
}

export interface ActionsProps {
  analysis: Analysis;
  grids: readonly Grid[];
  rubrics: readonly Rubric[];
  busy: boolean;
  lossyParts?: readonly string[];
  propose(build: () => Proposal, what: string): void;
  /** 准备工作簿: proposes the fill (the pane builds it once, for every button that offers it). */
  onPrepare(): void;
  apply(plan: WorkbookPlan, what: string): Promise<boolean>;
  onValidate(): void;
  /** 合并各单位报送: the units' returned files, as picked. */
  onMerge(files: File[]): void;
  onDownload?: () => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  buttons: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  reason: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

/** Why 按责任单位拆分 cannot run, or undefined when it can. */
export function splitBlocked(analysis: Analysis): string | undefined {
  const primary = analysis.primary;
  if (!primary) return "未识别出任务分解表，无法按责任单位拆分。";
  if (!hasUnitColumn(primary.layout))
    return "“" + primary.layout.sheet + "”没有牵头单位或责任单位列，无法按责任单位拆分。";
  return undefined;
}

/** Why 合并各单位报送 cannot run, or undefined when it can (`ziping merge` needs the same sheet). */
export function mergeBlocked(analysis: Analysis): string | undefined {
  if (unitSheet(analysis.sheets, analysis.primary)) return undefined;
  const recognized = analysis.sheets.filter((s) => s.layout.kind !== "unknown");
  return recognized.length
    ? "“" +
        recognized.map((s) => s.layout.sheet).join("”“") +
        "”没有牵头单位或责任单位列，不是拆分过的任务分解表，无法合并各单位报送。"
    : "未识别出任务分解表，无法合并各单位报送。";
}

export const Actions: React.FC<ActionsProps> = (props) => {
  const styles = useStyles();
  const { analysis, grids, busy } = props;
  const [templateOpen, setTemplateOpen] = React.useState(false);
  const returns = React.useRef<HTMLInputElement>(null);
  const primary = analysis.primary;
  const mergeBlock = mergeBlocked(analysis);
  const splitBlock = splitBlocked(analysis);
  // Both blocked: one line says it for both buttons.
  const splitReason = splitBlock && mergeBlock ? splitBlock.replace(/。$/, "，也无法合并各单位报送。") : splitBlock;
  const mergeReason = splitBlock ? undefined : mergeBlock;
  const fillReason = primary?.match ? undefined : "未识别出可填写的表格，无法准备工作簿。";
  return (
    <section aria-labelledby="actions-heading" className={styles.root}>
      <Subtitle2 as="h2" id="actions-heading">
        操作
      </Subtitle2>
      <div className={styles.buttons}>
        <Button
          appearance={analysis.filled ? "secondary" : "primary"}
          disabledFocusable={busy || Boolean(fillReason)}
          aria-describedby={fillReason ? "fill-reason" : undefined}
          onClick={props.onPrepare}
        >
          准备工作簿
        </Button>
        <Button disabledFocusable={busy} onClick={props.onValidate}>
          发送前校验
        </Button>
        <Button
          disabledFocusable={busy || Boolean(splitReason)}
          aria-describedby={splitReason ? "split-reason" : undefined}
          onClick={() =>
            props.propose(
              () => ({ title: "按责任单位拆分", what: "按责任单位拆分", plan: splitPlan(grids, primary!.layout) }),
              "按责任单位拆分"
            )
          }
        >
          按责任单位拆分
        </Button>
        <Button
          disabledFocusable={busy || Boolean(mergeBlock)}
          aria-describedby={mergeReason ? "merge-reason" : mergeBlock ? "split-reason" : undefined}
          onClick={() => returns.current?.click()}
        >
          合并各单位报送
        </Button>
        <Button disabledFocusable={busy} onClick={() => setTemplateOpen(true)}>
          新建模板
        </Button>
        {props.onDownload ? (
          <Button disabledFocusable={busy} onClick={props.onDownload}>
            下载修改后的文件
          </Button>
        ) : null}
      </div>
      {fillReason ? (
        <Caption1 id="fill-reason" className={styles.reason}>
          {fillReason}
        </Caption1>
      ) : null}
      {splitReason ? (
        <Caption1 id="split-reason" className={styles.reason}>
          {splitReason}
        </Caption1>
      ) : null}
      {mergeReason ? (
        <Caption1 id="merge-reason" className={styles.reason}>
          {mergeReason}
        </Caption1>
      ) : null}
      <input
        ref={returns}
        type="file"
        accept=".xlsx"
        multiple
        hidden
        aria-label="选择各单位报送的文件（.xlsx，可多选）"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Picking the same files again is a new merge.
          e.target.value = "";
          if (files.length) props.onMerge(files);
        }}
      />
      {templateOpen ? (
        <TemplateDialog
          grids={grids}
          rubrics={props.rubrics}
          initialId={analysis.rubric?.id}
          busy={busy}
          lossyParts={props.lossyParts}
          apply={props.apply}
          onClose={() => setTemplateOpen(false)}
        />
      ) : null}
    </section>
  );
};
