/**
 * 合并各单位报送 and 进度, loaded on demand (onDemand.ts: the "merge" chunk) — the pane's first load
 * does not carry the merge.
 *
 * - MergeDialog: the units' returned files, picked by the user, read in the browser and merged with
 *   the function `ziping merge` uses (src/plan/merge.ts); the confirmation says what will be
 *   written, what the county typed and is kept (覆盖 replaces it), the conflicts, the files not
 *   merged and why, the rows each unit deleted. Nothing is written before 确定.
 * - ProgressView: per unit — rows assigned, returned, answered, with evidence, still owed, the last
 *   file merged and its date — and per indicator the units that still owe it, read from what merge
 *   records in the workbook (_ziping), so it is there after reopening too; the last merge's
 *   conflicts while the pane is open.
 * Every line in the words `ziping merge` prints (src/plan/mergeText.ts).
 */
import * as React from "react";
import {
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { buildMergePlan, readProgress, type MergeResult } from "../../plan/merge";
import {
  CONFLICTS_HEADING,
  conflictText,
  IGNORED_HEADING,
  ignoredText,
  missingText,
  owingText,
  rejectedText,
  unitFigures,
  unitLastFile,
} from "../../plan/mergeText";
import type { WorkbookPlan } from "../../plan/plan";
import type { Grid } from "../../sheet/grid";
import type { SheetMatch } from "../../sheet/match";
import type { SheetLayout } from "../../sheet/recognize";
import type { OverwriteWords } from "../model/proposal";
import { readReturns, type PickedFile } from "../model/returns";
import { ConfirmDialog } from "./ConfirmDialog";
import { errorText } from "./format";
import { useSharedStyles } from "./styles";

/** The county's sheet that merge writes into, and its rubric's match (plan/split.ts unitSheet). */
export interface MergeTarget {
  layout: SheetLayout;
  match?: SheetMatch;
}

export const MERGE_TITLE = "合并各单位报送";

/** The 覆盖 choice of 合并各单位报送: the county's typed cells replaced by what the units sent. */
export const MERGE_OVERWRITE: OverwriteWords = {
  label: "覆盖县里已填写的内容",
  note: (kept) => "选择“覆盖县里已填写的内容”，这 " + kept + " 处改为单位报送的内容（县里原填写的内容不再保留）。",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  units: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  unit: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  owing: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}` },
  done: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteGreenBorder2}` },
  muted: { color: tokens.colorNeutralForeground3 },
});

// --- 合并各单位报送 ------------------------------------------------------------------------------------

/** What the dialog computed: the merge, the same with 覆盖 where the county's cells are kept. */
interface Computed {
  result: MergeResult;
  overwrite?: MergeResult;
}

/** Reads the picked files and merges them: the result the confirmation shows (and `ziping merge` prints). */
export async function computeMerge(
  grids: readonly Grid[],
  target: MergeTarget,
  picked: readonly PickedFile[],
  county?: string
): Promise<Computed> {
  const { files, unreadable } = await readReturns(picked, county);
  const merge = (overwrite: boolean) => {
    const result = buildMergePlan(grids, target.layout, target.match, files, { overwrite });
    result.rejected.unshift(...unreadable);
    return result;
  };
  const result = merge(false);
  return result.kept.length ? { result, overwrite: merge(true) } : { result };
}

export interface MergeDialogProps {
  /** The returned files as picked. */
  files: readonly PickedFile[];
  /** The open workbook's file name (standalone mode), set aside if picked among the returns. */
  county?: string;
  grids: readonly Grid[];
  target: MergeTarget;
  busy: boolean;
  lossyParts?: readonly string[];
  apply(plan: WorkbookPlan, what: string): Promise<boolean>;
  /** Closed: with the merge applied, or undefined when cancelled (or it failed). */
  onClose(applied?: MergeResult): void;
}

export const MergeDialog: React.FC<MergeDialogProps> = (props) => {
  const shared = useSharedStyles();
  const [computed, setComputed] = React.useState<Computed>();
  const [error, setError] = React.useState<string>();
  // The workbook as it was when the files were picked: the plan is for that workbook.
  const start = React.useRef({ grids: props.grids, target: props.target, files: props.files, county: props.county });

  React.useEffect(() => {
    let live = true;
    const { grids, target, files, county } = start.current;
    computeMerge(grids, target, files, county).then(
      (c) => {
        if (live) setComputed(c);
      },
      (e: unknown) => {
        if (live) setError(errorText(e));
      }
    );
    return () => {
      live = false;
    };
  }, []);

  const result = computed?.result;
  const run = async (chosen: MergeResult) => {
    if (await props.apply(chosen.plan, MERGE_TITLE)) props.onClose(chosen);
    else props.onClose();
  };

  let blocked: string | undefined;
  if (error) blocked = "无法合并：" + error;
  else if (result && !result.merged.length) blocked = "所选文件中没有可以合并的单位报送（原因见上），未作任何改动。";

  return (
    <ConfirmDialog
      open
      title={MERGE_TITLE}
      plan={result?.plan}
      overwrite={computed?.overwrite?.plan}
      overwriteWords={MERGE_OVERWRITE}
      blocked={blocked}
      lossyParts={props.lossyParts}
      busy={props.busy}
      onCancel={() => props.onClose()}
      onConfirm={() => void (result && run(result))}
      onOverwrite={() => void (computed?.overwrite && run(computed.overwrite))}
      details={result ? <MergeDetails result={result} /> : undefined}
    >
      {!result && !error ? <Spinner size="small" label={"正在读取 " + props.files.length + " 个文件…"} /> : null}
      {result ? (
        <Body1 className={shared.flush}>
          {result.merged.length
            ? "将合并 " +
              result.merged.length +
              " 个单位的报送，写入 " +
              result.written.length +
              " 个单元格（所选文件均不改动）。"
            : "所选的 " + props.files.length + " 个文件都不能合并。"}
        </Body1>
      ) : null}
      {result && !result.merged.length ? <RejectedList rejected={result.rejected} /> : null}
    </ConfirmDialog>
  );
};

function RejectedList({ rejected }: { rejected: MergeResult["rejected"] }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  if (!rejected.length) return null;
  return (
    <section aria-label="未合并的文件" className={styles.section}>
      <Subtitle2 as="h3" className={shared.flush}>
        未合并的文件（{rejected.length} 个）
      </Subtitle2>
      <ul className={styles.list}>
        {rejected.map((r, i) => (
          <li key={i}>
            <Caption1>{rejectedText(r)}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Below the summary: conflicts, files not merged, what was not taken, the files merged. */
function MergeDetails({ result }: { result: MergeResult }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  if (!result.merged.length) return null;
  return (
    <>
      {result.conflicts.length ? (
        <section aria-label="冲突" className={styles.section}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>冲突 {result.conflicts.length} 处</MessageBarTitle>
              {CONFLICTS_HEADING.replace(/^冲突：/, "").replace(/：$/, "")}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list}>
            {result.conflicts.map((c, i) => (
              <li key={i}>
                <Caption1>{conflictText(c)}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RejectedList rejected={result.rejected} />
      {result.ignored.length ? (
        <section aria-label="未采用" className={styles.section}>
          <Subtitle2 as="h3" className={shared.flush}>
            {IGNORED_HEADING.replace(/：$/, "")}（{result.ignored.length} 处）
          </Subtitle2>
          <ul className={styles.list}>
            {result.ignored.map((x, i) => (
              <li key={i}>
                <Caption1>{ignoredText(x)}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label="合并的文件" className={styles.section}>
        <Subtitle2 as="h3" className={shared.flush}>
          合并的文件（{result.merged.length} 个）
        </Subtitle2>
        <ul className={styles.list}>
          {result.merged.map((m) => {
            const missing = missingText(m.missing);
            return (
              <li key={m.unit}>
                <Caption1>
                  {m.unit}：{m.file}
                  {m.modified ? "（" + m.modified + "）" : ""}，报送 {m.rows} 行{missing ? "；" + missing : ""}
                </Caption1>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

// --- 进度 ------------------------------------------------------------------------------------------

export interface ProgressViewProps {
  grids: readonly Grid[];
  target: MergeTarget;
  /** The merge applied while the pane has been open: its conflicts and files not merged. */
  lastMerge?: MergeResult;
  onSelect(sheet: string, cell: string): void;
}

/** How much of an indicator's text a line shows. */
const TEXT_SHOWN = 30;

export const ProgressView: React.FC<ProgressViewProps> = ({ grids, target, lastMerge, onSelect }) => {
  const styles = useStyles();
  const shared = useSharedStyles();
  const progress = React.useMemo(() => readProgress(grids, target.layout, target.match), [grids, target]);
  const reported = progress.units.filter((u) => u.file).length;
  const owing = progress.indicators.filter((i) => i.owing.length);
  return (
    <div className={styles.root}>
      {!progress.merged ? (
        <Body1>
          还没有合并过各单位报送。把拆分给各单位的文件收回后，点击“{MERGE_TITLE}”，选择各单位交回的文件（可多选）。
        </Body1>
      ) : null}
      {lastMerge ? <LastMerge result={lastMerge} onSelect={onSelect} /> : null}
      <section aria-labelledby="progress-units" className={styles.section}>
        <Subtitle2 as="h3" className={shared.flush} id="progress-units">
          各单位报送进度
        </Subtitle2>
        <Caption1 className={styles.muted}>
          “{target.layout.sheet}”分到 {progress.units.length} 个单位，已报送 {reported} 个，尚未报送{" "}
          {progress.units.length - reported} 个。
        </Caption1>
        <ul className={styles.units} aria-label="各单位报送进度">
          {progress.units.map((u) => (
            <li key={u.unit} className={`${styles.unit} ${u.owing ? styles.owing : styles.done}`}>
              <Body1>
                <strong>{u.unit}</strong>
              </Body1>
              <Caption1>{unitFigures(u)}</Caption1>
              <Caption1 className={styles.muted}>{unitLastFile(u)}</Caption1>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="progress-owing" className={styles.section}>
        <Subtitle2 as="h3" className={shared.flush} id="progress-owing">
          各指标尚未填报的单位
        </Subtitle2>
        <Caption1 className={styles.muted}>
          {progress.merged ? owingText(progress.indicators) : owing.length + " 项指标尚有单位未填报"}
        </Caption1>
        {owing.length ? (
          <ul className={styles.list} aria-label="尚未填报的指标">
            {owing.map((i) => (
              <li key={i.row}>
                <Caption1>
                  <Link as="button" onClick={() => onSelect(target.layout.sheet, "A" + i.row)}>
                    {i.indicator ?? "第 " + i.row + " 行"}
                  </Link>{" "}
                  {i.text.length > TEXT_SHOWN ? i.text.slice(0, TEXT_SHOWN) + "…" : i.text}：{i.owing.join("、")}
                </Caption1>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
};

/** The merge just applied: its conflicts (click to go to the cell) and the files not merged. */
function LastMerge({ result, onSelect }: { result: MergeResult; onSelect(sheet: string, cell: string): void }) {
  const styles = useStyles();
  return (
    <section aria-label="本次合并" className={styles.section}>
      <MessageBar intent={result.conflicts.length || result.rejected.length ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          已合并 {result.merged.length} 个单位的报送，写入 {result.written.length} 个单元格
          {result.conflicts.length ? "；冲突 " + result.conflicts.length + " 处" : ""}
          {result.rejected.length ? "；未合并的文件 " + result.rejected.length + " 个" : ""}。
        </MessageBarBody>
      </MessageBar>
      {result.conflicts.length ? (
        <>
          <Caption1>{CONFLICTS_HEADING}</Caption1>
          <ul className={styles.list} aria-label="冲突">
            {result.conflicts.map((c, i) => (
              <li key={i}>
                <Caption1>
                  <Link as="button" onClick={() => onSelect(c.sheet, c.cell)}>
                    {c.sheet}!{c.cell}
                  </Link>{" "}
                  {conflictText(c).slice((c.sheet + "!" + c.cell).length + 1)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <RejectedList rejected={result.rejected} />
    </section>
  );
}
