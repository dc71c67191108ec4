/**
 * The pane's actions, one click each: 准备工作簿, 发送前校验, 按责任单位拆分, 新建模板 (and 下载 for a
 * file opened in the browser). Each that writes proposes its plan first; nothing is applied
 * before the confirmation dialog's 确定.
 */
import * as React from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookPlan } from "../../plan/plan";
import { hasUnitColumn } from "../../plan/split";
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

export const Actions: React.FC<ActionsProps> = (props) => {
  const styles = useStyles();
  const { analysis, grids, busy } = props;
  const [templateOpen, setTemplateOpen] = React.useState(false);
  const primary = analysis.primary;
  const splitReason = splitBlocked(analysis);
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
