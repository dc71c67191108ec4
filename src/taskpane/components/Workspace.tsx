/**
 * The pane below its header, once the workbook has been read: what was recognized, the actions,
 * and three tabs — 概览 (the live score), 自评依据 (the evidence form) and 校验 (the findings);
 * 评分细则 when the rubric was derived from the sheet's own sentences (to review, correct and save
 * it); 进度 when the table has 牵头单位 / 责任单位 (each unit's returns, merged with 合并各单位报送)
 * — and the dialogs that confirm a write.
 *
 * Not in the pane's first load (screen.ts, onDemand.ts): App.tsx draws the header and
 * "正在读取工作簿…" first, and this chunk arrives while the workbook is being read. It is mounted
 * once loaded and stays, so that the tab, a proposal and a derived rubric's corrections outlive
 * every re-read.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countBySeverity, type Finding } from "../../check/findings";
import { buildReportPlan } from "../../plan/report";
import type { Rubric } from "../../rubric/schema";
import { acceptPlan } from "../model/accept";
import type { HostCommand, WorkbookHost } from "../model/host";
import { criterionFieldPlan, metricFieldPlan, type CriterionField } from "../model/form";
import { Actions, type Proposal } from "./Actions";
import { ConfirmDialog } from "./ConfirmDialog";
import { Dashboard } from "./Dashboard";
import { activeDraft, pendingCount, type DerivedDraft } from "../model/derivedDraft";
import { loadAcceptDialog, loadDerivedRubric, loadEvidenceForm, loadMerge } from "../onDemand";
import { unitSheet } from "../../plan/split";
import type { MergeResult } from "../../plan/merge";
import { FindingsList } from "./FindingsList";
import { errorText } from "./format";
import type { MetricPart } from "./MetricFields";
import { fillChoices } from "./plans";
import { SheetSummary } from "./SheetSummary";
import type { WorkbookState } from "./useWorkbook";
import { Waiting } from "./Waiting";

export interface WorkspaceProps {
  host: WorkbookHost;
  wb: WorkbookState;
  rubrics: readonly Rubric[];
  /** What WPS's ribbon asked for (准备工作簿 or 发送前校验), not yet done: kept by App from the start. */
  command?: HostCommand;
  /** The command is being done (or refused): App forgets it. */
  onCommandTaken(): void;
}

type TabValue = "overview" | "rubric" | "evidence" | "findings" | "progress";

const NOTHING_TO_PREPARE_REASON = "未在工作簿中识别出有相符评分细则的任务分解表、评分细则或考核表";

// Parts of the pane not on its first screen, loaded when first shown (see onDemand.ts).
const DerivedRubric = React.lazy(() => loadDerivedRubric().then((m) => ({ default: m.DerivedRubric })));
const EvidenceForm = React.lazy(() => loadEvidenceForm().then((m) => ({ default: m.EvidenceForm })));
const AcceptDialog = React.lazy(() => loadAcceptDialog().then((m) => ({ default: m.AcceptDialog })));
const MergeDialog = React.lazy(() => loadMerge().then((m) => ({ default: m.MergeDialog })));
const ProgressView = React.lazy(() => loadMerge().then((m) => ({ default: m.ProgressView })));

const useStyles = makeStyles({
  tabs: { flexWrap: "wrap" },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

/** Keeps a rendering failure in one part of the pane from blanking the whole pane. */
class ErrorBoundary extends React.Component<{ children: React.ReactNode }, { error?: string }> {
  override state: { error?: string } = {};

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: errorText(error) };
  }

  override render(): React.ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          显示出错：{this.state.error}{" "}
          <Button size="small" onClick={() => this.setState({ error: undefined })}>
            重试
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}

export const Workspace: React.FC<WorkspaceProps> = ({ host, wb, rubrics, command, onCommandTaken }) => {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabValue>("overview");
  const [proposal, setProposal] = React.useState<Proposal>();
  const [accepting, setAccepting] = React.useState<Finding>();
  // Corrections to a derived rubric not yet saved: kept here so that switching tabs keeps them.
  const [derivedDraft, setDerivedDraft] = React.useState<DerivedDraft>();
  // 合并各单位报送: the files picked, until the confirmation closes; then the merge applied, for 进度.
  const [returns, setReturns] = React.useState<File[]>();
  const [lastMerge, setLastMerge] = React.useState<MergeResult>();
  const grids = wb.snapshot?.grids ?? [];
  const analysis = wb.analysis;

  const propose = (build: () => Proposal, what: string) => {
    try {
      setProposal(build());
    } catch (e) {
      wb.fail(what, e);
    }
  };

  const proposeFill = () => {
    const primary = analysis?.primary;
    if (!primary) return;
    propose(() => ({ title: "准备工作簿", what: "准备工作簿", ...fillChoices(grids, primary) }), "准备工作簿");
  };

  const commitCriterion = (field: CriterionField, value: string | number) => {
    const rubric = analysis?.rubric;
    if (!rubric) return Promise.resolve(false);
    try {
      return wb.apply(criterionFieldPlan(rubric, field, value), "写入自评依据");
    } catch (e) {
      wb.fail("写入自评依据", e);
      return Promise.resolve(false);
    }
  };

  const commitMetric = (metricId: string, part: MetricPart, value: string) => {
    const rubric = analysis?.rubric;
    const metric = rubric?.metrics.find((m) => m.id === metricId);
    if (!rubric || !metric) return Promise.resolve(false);
    try {
      return wb.apply(metricFieldPlan(rubric, metric, part, value), "写入指标数据");
    } catch (e) {
      wb.fail("写入指标数据", e);
      return Promise.resolve(false);
    }
  };

  // WPS's ribbon asks for 准备工作簿 or 发送前校验 (kept by App from the start): done once the
  // workbook has been read.
  React.useEffect(() => {
    if (!command || !analysis || wb.loading) return;
    onCommandTaken();
    if (proposal || wb.busy) return;
    if (command === "validate") {
      setTab("findings");
      void wb.refresh();
    } else if (analysis.primary?.match) proposeFill();
    else wb.fail("准备工作簿", new Error(NOTHING_TO_PREPARE_REASON));
  });

  const findings = analysis?.findings ?? [];
  const counts = countBySeverity(findings);
  const open = counts.error + counts.warning;
  const derivedRubric = analysis?.rubric?.derived ? analysis.rubric : undefined;
  const derived = derivedRubric !== undefined;
  // The sheet 合并各单位报送 writes into (the one split by unit), as `ziping merge` picks it.
  const mergeTarget = React.useMemo(
    () => (analysis ? unitSheet(analysis.sheets, analysis.primary) : undefined),
    [analysis]
  );
  // 评分细则 is there only for a derived rubric, 进度 only for a table with units: else 概览.
  const shown: TabValue = (tab === "rubric" && !derived) || (tab === "progress" && !mergeTarget) ? "overview" : tab;
  const pending = derivedRubric ? pendingCount(activeDraft(derivedRubric, derivedDraft)?.rubric ?? derivedRubric) : 0;

  let body: React.ReactNode;
  if (!analysis) {
    body = <Waiting loading={wb.loading} onRetry={() => void wb.refresh()} />;
  } else {
    body = (
      <>
        <SheetSummary
          analysis={analysis}
          rubrics={rubrics}
          chosenId={wb.chosenId}
          rememberedId={wb.rememberedId}
          onChoose={wb.choose}
        />
        <Actions
          analysis={analysis}
          grids={grids}
          rubrics={rubrics}
          busy={wb.busy}
          lossyParts={host.lossyParts}
          propose={propose}
          onPrepare={proposeFill}
          apply={wb.apply}
          onValidate={() => {
            setTab("findings");
            void wb.refresh();
          }}
          onMerge={setReturns}
          onDownload={
            host.download
              ? () => {
                  host.download!().catch((e: unknown) => wb.fail("下载文件", e));
                }
              : undefined
          }
        />
        <TabList
          className={styles.tabs}
          selectedValue={shown}
          onTabSelect={(_e, data) => setTab(data.value as TabValue)}
        >
          <Tab value="overview">概览</Tab>
          {derived ? <Tab value="rubric">评分细则{pending ? "（待确认 " + pending + "）" : ""}</Tab> : null}
          <Tab value="evidence">自评依据</Tab>
          <Tab value="findings">校验{open ? "（" + open + "）" : ""}</Tab>
          {mergeTarget ? <Tab value="progress">进度</Tab> : null}
        </TabList>
        <div className={styles.panel} role="tabpanel" aria-label={TAB_NAMES[shown]}>
          <ErrorBoundary>
            <React.Suspense fallback={<Spinner size="small" label="正在加载…" />}>
              {shown === "overview" ? <Dashboard analysis={analysis} /> : null}
              {shown === "rubric" ? (
                <DerivedRubric
                  analysis={analysis}
                  grids={grids}
                  busy={wb.busy}
                  lossyParts={host.lossyParts}
                  draft={derivedDraft}
                  onDraftChange={setDerivedDraft}
                  apply={wb.apply}
                  fail={wb.fail}
                  onShowFindings={() => setTab("findings")}
                />
              ) : null}
              {shown === "evidence" ? (
                <EvidenceForm
                  analysis={analysis}
                  grids={grids}
                  busy={wb.busy}
                  lossyParts={host.lossyParts}
                  preparedWith={rubrics.find((r) => r.id === wb.rememberedId)}
                  onPrepare={proposeFill}
                  onCommitCriterion={commitCriterion}
                  onCommitMetric={commitMetric}
                />
              ) : null}
              {shown === "progress" && mergeTarget ? (
                <ProgressView
                  grids={grids}
                  target={mergeTarget}
                  lastMerge={lastMerge}
                  onSelect={(sheet, cell) => void wb.select(sheet, cell)}
                />
              ) : null}
              {shown === "findings" ? (
                <FindingsList
                  findings={findings}
                  rubric={analysis.rubric}
                  busy={wb.busy}
                  onSelect={(f) => void wb.select(f.sheet, f.cell || "A1")}
                  onAccept={setAccepting}
                  onWriteReport={() =>
                    propose(
                      () => ({
                        title: "写入校验报告",
                        what: "写入校验报告",
                        plan: buildReportPlan(grids, findings, analysis.scored, analysis.rubric),
                      }),
                      "写入校验报告"
                    )
                  }
                />
              ) : null}
            </React.Suspense>
          </ErrorBoundary>
        </div>
      </>
    );
  }

  return (
    <>
      {body}
      {proposal ? (
        <ConfirmDialog
          open
          title={proposal.title}
          plan={proposal.plan}
          lossyParts={host.lossyParts}
          busy={wb.busy}
          onCancel={() => setProposal(undefined)}
          onConfirm={async () => {
            await wb.apply(proposal.plan, proposal.what);
            setProposal(undefined);
          }}
          overwrite={proposal.overwrite}
          onOverwrite={async () => {
            await wb.apply(proposal.overwrite!, proposal.what);
            setProposal(undefined);
          }}
        />
      ) : null}
      {returns && mergeTarget ? (
        <React.Suspense fallback={<Spinner size="small" label="正在加载…" />}>
          <MergeDialog
            files={returns}
            county={host.kind === "file" ? host.name : undefined}
            grids={grids}
            target={mergeTarget}
            busy={wb.busy}
            lossyParts={host.lossyParts}
            apply={wb.apply}
            onClose={(applied) => {
              setReturns(undefined);
              if (applied) {
                setLastMerge(applied);
                setTab("progress");
              }
            }}
          />
        </React.Suspense>
      ) : null}
      {accepting ? (
        <React.Suspense fallback={null}>
          <AcceptDialog
            finding={accepting}
            busy={wb.busy}
            lossyParts={host.lossyParts}
            onCancel={() => setAccepting(undefined)}
            onAccept={async (note) => {
              try {
                await wb.apply(acceptPlan(grids, accepting, note), "记录说明");
              } catch (e) {
                wb.fail("记录说明", e);
              }
              setAccepting(undefined);
            }}
          />
        </React.Suspense>
      ) : null}
    </>
  );
};

const TAB_NAMES: Record<TabValue, string> = {
  overview: "概览",
  rubric: "评分细则",
  evidence: "自评依据",
  findings: "校验",
  progress: "进度",
};
