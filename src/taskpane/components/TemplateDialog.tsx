/**
 * 新建模板: pick a built-in rubric, see what its template adds to the open workbook, then 确定.
 * When the workbook already has sheets of those names, it says so and applies nothing.
 */
import * as React from "react";
import type { WorkbookPlan } from "../../plan/plan";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import { ConfirmDialog } from "./ConfirmDialog";
import { errorText, scoringRubrics } from "./format";
import { templateProposal } from "./plans";
import { RubricPicker } from "./RubricPicker";

export interface TemplateDialogProps {
  grids: readonly Grid[];
  rubrics: readonly Rubric[];
  initialId?: string;
  busy: boolean;
  lossyParts?: readonly string[];
  apply(plan: WorkbookPlan, what: string): Promise<boolean>;
  onClose(): void;
}

export const TemplateDialog: React.FC<TemplateDialogProps> = (props) => {
  const { grids, rubrics } = props;
  const [id, setId] = React.useState<string | undefined>(props.initialId);
  const rubric = scoringRubrics(rubrics).find((r) => r.id === id);
  const proposal = React.useMemo(() => {
    if (!rubric) return undefined;
    try {
      return templateProposal(grids, rubric);
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [grids, rubric]);
  let blocked: string | undefined;
  let plan: WorkbookPlan | undefined;
  if (proposal && "error" in proposal) blocked = "无法生成模板：" + proposal.error;
  else if (proposal) {
    plan = proposal.plan;
    if (proposal.conflicts.length)
      blocked =
        "工作簿中已有工作表“" +
        proposal.conflicts.join("”“") +
        "”，不新建模板，也不改动任何内容。如需新建，请在新的空白工作簿中操作。";
  }
  return (
    <ConfirmDialog
      open
      title="新建模板"
      plan={plan}
      blocked={blocked}
      busy={props.busy}
      lossyParts={props.lossyParts}
      onCancel={props.onClose}
      onConfirm={async () => {
        if (!plan) return;
        await props.apply(plan, "新建模板");
        props.onClose();
      }}
    >
      <RubricPicker
        label="按哪套评分细则新建"
        rubrics={rubrics}
        selectedId={id}
        hint="将在当前工作簿中新建该细则的表格，并准备好自评依据、指标数据等工作表。"
        onSelect={setId}
      />
    </ConfirmDialog>
  );
};
