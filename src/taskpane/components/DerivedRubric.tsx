/**
 * 评分细则 (for a sheet that matches no built-in rubric): the rubric Ziping derived from the sheet's
 * own scoring sentences, grouped by 一级指标 → 二级指标. Each indicator's rule text is shown with
 * the part each criterion came from marked (its letter first); 待确认 criteria are flagged. 修改
 * corrects a criterion's kind and points (reviseCriterion); corrections stay a draft in the pane
 * until 保存核对结果 writes the reviewed rubric to the workbook (_ziping), after the usual
 * confirmation — from then on the pane and the CLI use the stored version instead of deriving again.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  SpinButton,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../../check/findings";
import { rememberedRubric } from "../../check/recognize";
import type { WorkbookPlan } from "../../plan/plan";
import { isMultipleOf } from "../../rubric/criteria/base";
import { criterionKindNames, maxPointsOf, type Criterion } from "../../rubric/criteria/index";
import { normalizeRule } from "../../rubric/derive/grammar";
import type { Indicator, Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import type { Analysis } from "../model/analysis";
import {
  criterionPointsText,
  REVISABLE_KINDS,
  REVISABLE_KIND_NAMES,
  reviseCriterion,
  saveDerivedPlan,
  type RevisableKind,
} from "../model/derived";
import { ConfirmDialog } from "./ConfirmDialog";
import { activeDraft, pendingCount, type DerivedDraft } from "../model/derivedDraft";
import { errorText, points } from "./format";
import { useSharedStyles } from "./styles";

export interface DerivedRubricProps {
  analysis: Analysis;
  grids: readonly Grid[];
  busy: boolean;
  lossyParts?: readonly string[];
  /** Kept by the App so that switching tabs does not lose corrections. */
  draft?: DerivedDraft;
  onDraftChange(draft: DerivedDraft | undefined): void;
  /** Applies a plan and reads the workbook again (useWorkbook's apply); false when it failed. */
  apply(plan: WorkbookPlan, what: string): Promise<boolean>;
  /** Reports a failure outside a host call (building the plan). */
  fail(what: string, error: unknown): void;
  /** Switches to the 校验 tab. */
  onShowFindings?(): void;
}

/** The findings about the sheet's own points not adding up. */
const RUBRIC_CODES: ReadonlySet<string> = new Set([
  "rubric.category-points-differ",
  "rubric.sub-points-exceed",
  "rubric.total-differs",
  "rubric.uncapped-bonus",
]);

const SAVE = "保存核对结果";

function criterionCount(rubric: Rubric): number {
  let n = 0;
  for (const category of rubric.categories) for (const indicator of category.indicators) n += indicator.criteria.length;
  return n;
}

function indicatorCount(rubric: Rubric): number {
  return rubric.categories.reduce((n, c) => n + c.indicators.length, 0);
}

function isRevisable(kind: string): kind is RevisableKind {
  return (REVISABLE_KINDS as readonly string[]).indexOf(kind) >= 0;
}

/** The rule text cut into plain runs and marked runs (one per criterion with a usable span). */
export function ruleSegments(
  rule: string,
  criteria: readonly Criterion[]
): Array<{ text: string; criterion?: Criterion }> {
  const marked = criteria
    .filter((c) => c.span && c.span[0] < c.span[1] && c.span[0] < rule.length)
    .sort((a, b) => a.span![0] - b.span![0] || a.span![1] - b.span![1]);
  const out: Array<{ text: string; criterion?: Criterion }> = [];
  let at = 0;
  for (const c of marked) {
    // Overlapping spans: the later one starts where the earlier ended.
    const start = Math.max(c.span![0], at);
    const end = Math.min(c.span![1], rule.length);
    if (start >= end) continue;
    if (start > at) out.push({ text: rule.slice(at, start) });
    out.push({ text: rule.slice(start, end), criterion: c });
    at = end;
  }
  if (at < rule.length) out.push({ text: rule.slice(at) });
  return out;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  head: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  category: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  indicator: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rule: {
    whiteSpace: "pre-wrap",
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  mark: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
  },
  markPending: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteDarkOrangeBorder2}`,
  },
  letter: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase100,
    verticalAlign: "super",
    marginRight: "1px",
  },
  criteria: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  criterion: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  criterionPending: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  note: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  dialogContent: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  dropdown: { minWidth: 0, width: "100%", maxWidth: "100%" },
  listbox: { maxWidth: "calc(100vw - 24px)" },
  spin: { width: "10em", maxWidth: "100%" },
  error: { whiteSpace: "pre-wrap" },
});

// ---------------------------------------------------------------------------------------------
// The correction dialog

interface ReviseDialogProps {
  rubric: Rubric;
  indicator: Indicator;
  criterion: Criterion;
  onCancel(): void;
  onRevised(rubric: Rubric): void;
}

const ReviseDialog: React.FC<ReviseDialogProps> = ({ rubric, indicator, criterion, onCancel, onRevised }) => {
  const styles = useStyles();
  const shared = useSharedStyles();
  const id = indicator.id + "." + criterion.id;
  const max = criterion.bonus ? (indicator.bonus ?? 0) : indicator.points;
  const start = maxPointsOf(criterion);
  const [kind, setKind] = React.useState<RevisableKind | undefined>(
    isRevisable(criterion.kind) ? criterion.kind : undefined
  );
  const [value, setValue] = React.useState<number | null>(Number.isFinite(start) ? Math.min(start, max) : max);
  const [error, setError] = React.useState<string>();
  const gate = kind === "gate";

  const confirm = () => {
    if (!kind) return setError("请选择评分项的类型。");
    const pts = gate ? 0 : value;
    if (pts === null || !Number.isFinite(pts)) return setError("请填写分值。");
    if (pts < 0) return setError("分值不能为负数。");
    if (pts > max + 1e-9) return setError("分值不能超过本项 " + points(max) + " 分。");
    if (!isMultipleOf(pts, 0.5)) return setError("分值应为 0.5 的整数倍。");
    try {
      onRevised(reviseCriterion(rubric, id, kind, pts));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Dialog open onOpenChange={(_e, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface className={shared.dialogSurface}>
        <DialogBody>
          <DialogTitle>修改评分项 {criterion.id}</DialogTitle>
          <DialogContent className={styles.dialogContent}>
            <Body1>
              {indicator.number ? indicator.number + ". " : ""}
              {indicator.text}（{points(max)} 分{criterion.bonus ? "，加分" : ""}）
            </Body1>
            <Caption1 className={styles.muted}>原文：{criterion.text}</Caption1>
            <Caption1 className={styles.muted}>
              现为：{criterionKindNames[criterion.kind]}，{criterionPointsText(criterion, rubric)}
            </Caption1>
            <Field label="类型" required>
              <Dropdown
                className={styles.dropdown}
                listbox={{ className: styles.listbox }}
                placeholder="选择类型"
                value={kind ? REVISABLE_KIND_NAMES[kind] : ""}
                selectedOptions={kind ? [kind] : []}
                onOptionSelect={(_e, data) => {
                  if (data.optionValue && isRevisable(data.optionValue)) setKind(data.optionValue);
                  setError(undefined);
                }}
              >
                {REVISABLE_KINDS.map((k) => (
                  <Option key={k} value={k} text={REVISABLE_KIND_NAMES[k]}>
                    {REVISABLE_KIND_NAMES[k]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field
              label={kind === "deduction" ? "基数（分）" : "分值（分）"}
              hint={gate ? "否决项本身不给分。" : "0 至 " + points(max) + " 分，步长 0.5。"}
            >
              <SpinButton
                className={styles.spin}
                min={0}
                max={max}
                step={0.5}
                disabled={gate}
                value={gate ? 0 : value}
                onChange={(_e, data) => {
                  setError(undefined);
                  if (data.value !== undefined) return setValue(data.value);
                  const text = (data.displayValue ?? "").trim().replace(/分$/, "");
                  const n = text === "" ? NaN : Number(text);
                  setValue(Number.isFinite(n) ? n : null);
                }}
              />
            </Field>
            {error ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody className={styles.error}>{error}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions className={styles.buttons}>
            <Button appearance="primary" onClick={confirm}>
              确定
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};

// ---------------------------------------------------------------------------------------------
// The list

interface IndicatorViewProps {
  rubric: Rubric;
  indicator: Indicator;
  changed: readonly string[];
  onlyPending: boolean;
  busy: boolean;
  onRevise(indicator: Indicator, criterion: Criterion): void;
}

const IndicatorView: React.FC<IndicatorViewProps> = ({ rubric, indicator, changed, onlyPending, busy, onRevise }) => {
  const styles = useStyles();
  const rule = normalizeRule(indicator.rule);
  const headingId = "derived-" + indicator.id.replace(/\W/g, "-");
  const shown = onlyPending ? indicator.criteria.filter((c) => c.pending) : indicator.criteria;
  const stated =
    (indicator.points > 0 || !indicator.bonus ? points(indicator.points) + " 分" : "") +
    (indicator.bonus ? (indicator.points > 0 ? "，" : "") + "加分 " + points(indicator.bonus) + " 分" : "");
  return (
    <li className={styles.indicator} aria-labelledby={headingId}>
      <Body1Strong as="h4" id={headingId}>
        {indicator.number ? indicator.number + ". " : ""}
        {indicator.text}（{stated}）
      </Body1Strong>
      <Body1 as="p" className={styles.rule}>
        {ruleSegments(rule, indicator.criteria).map((s, i) =>
          s.criterion ? (
            <mark
              key={i}
              className={mergeClasses(styles.mark, s.criterion.pending && styles.markPending)}
              title={"评分项 " + s.criterion.id + (s.criterion.pending ? "（待确认）" : "")}
            >
              <span className={styles.letter}>{s.criterion.id}</span>
              {s.text}
            </mark>
          ) : (
            <React.Fragment key={i}>{s.text}</React.Fragment>
          )
        )}
      </Body1>
      <ul className={styles.criteria} aria-label={"评分项：" + indicator.text}>
        {shown.map((c) => {
          const id = indicator.id + "." + c.id;
          return (
            <li
              key={c.id}
              className={mergeClasses(styles.criterion, c.pending && styles.criterionPending)}
              data-criterion={id}
            >
              <div className={styles.row}>
                <Body1Strong>{c.id}</Body1Strong>
                <Body1>{criterionKindNames[c.kind]}</Body1>
                <Body1>{criterionPointsText(c, rubric)}</Body1>
                {c.pending ? (
                  <Badge appearance="tint" color="warning">
                    待确认
                  </Badge>
                ) : null}
                {changed.indexOf(id) >= 0 ? (
                  <Badge appearance="tint" color="brand">
                    已修改
                  </Badge>
                ) : null}
                <Button
                  size="small"
                  disabledFocusable={busy}
                  aria-label={"修改评分项 " + id}
                  onClick={() => onRevise(indicator, c)}
                >
                  修改
                </Button>
              </div>
              {c.label || !c.span ? <Caption1>{c.label ?? c.text}</Caption1> : null}
              {c.note ? <Caption1 className={styles.note}>注：{c.note}</Caption1> : null}
            </li>
          );
        })}
      </ul>
    </li>
  );
};

export const DerivedRubric: React.FC<DerivedRubricProps> = (props) => {
  const styles = useStyles();
  const { analysis, grids, busy } = props;
  const base = analysis.rubric;
  const draft = activeDraft(base, props.draft);
  const rubric = draft?.rubric ?? base;
  const [revising, setRevising] = React.useState<{ indicator: Indicator; criterion: Criterion }>();
  const [saving, setSaving] = React.useState<WorkbookPlan>();
  const [onlyPending, setOnlyPending] = React.useState(false);
  const baseKey = React.useMemo(() => (base ? JSON.stringify(base) : ""), [base]);
  // The rubric stored in the workbook, when the one shown is that (reviewed and saved).
  const stored = React.useMemo(() => {
    const remembered = rememberedRubric(grids, []);
    return remembered !== undefined && base !== undefined && remembered.id === base.id;
  }, [grids, base]);

  if (!rubric?.derived || !base) return <Body1>当前评分细则不是由工作表生成的。</Body1>;

  const pending = pendingCount(rubric);
  const discrepancies = analysis.findings.filter((f: Finding) => RUBRIC_CODES.has(f.code) && !f.accepted).length;
  const stale = draft !== undefined && draft.base !== baseKey;
  const changed = draft?.changed ?? [];

  const startSave = () => {
    if (!analysis.primary) return;
    try {
      setSaving(saveDerivedPlan(grids, analysis.primary, rubric));
    } catch (e) {
      props.fail(SAVE, e);
    }
  };

  return (
    <div className={styles.root}>
      <section aria-labelledby="derived-heading" className={styles.head}>
        <Subtitle2 as="h2" id="derived-heading">
          {rubric.title}
        </Subtitle2>
        <Body1 data-testid="derived-summary">
          由工作表“{rubric.derived.sheet}”的评分语句生成：{criterionCount(rubric)} 项，待确认 {pending} 项
        </Body1>
        <Caption1 className={styles.muted}>
          共 {rubric.categories.length} 个一级指标、{indicatorCount(rubric)} 个二级指标；满分 {points(rubric.points)} 分
          {rubric.bonus > 0 ? "，加分 " + points(rubric.bonus) + " 分" : ""}。
          {stored
            ? "核对结果已保存在工作簿中，本加载项和命令行工具都使用这份评分细则。"
            : "请核对各评分项（尤其是“待确认”的），改正后保存核对结果。"}
        </Caption1>
        {discrepancies ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              表中分值有 {discrepancies} 处不一致，详见
              {props.onShowFindings ? (
                <Link as="button" inline onClick={props.onShowFindings}>
                  “校验”页
                </Link>
              ) : (
                "“校验”页"
              )}
              。
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {stale ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              工作表的评分语句已改动，未保存的修改是按改动前的内容做的，请核对后再保存，或放弃修改。
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {draft ? (
          <Body1 role="status" data-testid="derived-draft">
            有 {changed.length} 处修改未保存
          </Body1>
        ) : null}
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabledFocusable={busy || !analysis.primary || (stored && !draft)}
            onClick={startSave}
          >
            {SAVE}
          </Button>
          {draft ? (
            <Button disabledFocusable={busy} onClick={() => props.onDraftChange(undefined)}>
              放弃修改
            </Button>
          ) : null}
        </div>
        {pending ? (
          <Checkbox
            label="只显示待确认的评分项"
            checked={onlyPending}
            onChange={(_e, data) => setOnlyPending(data.checked === true)}
          />
        ) : null}
      </section>
      {rubric.categories.map((category) => {
        const indicators = onlyPending
          ? category.indicators.filter((i) => i.criteria.some((c) => c.pending))
          : category.indicators;
        if (!indicators.length) return null;
        const headingId = "derived-category-" + category.id;
        return (
          <section key={category.id} aria-labelledby={headingId} className={styles.category}>
            <Subtitle2 as="h3" id={headingId}>
              {category.title}（{category.points > 0 || !category.bonus ? points(category.points) + " 分" : ""}
              {category.bonus ? (category.points > 0 ? "，" : "") + "加分 " + points(category.bonus) + " 分" : ""}）
            </Subtitle2>
            <ul className={styles.list}>
              {indicators.map((indicator) => (
                <IndicatorView
                  key={indicator.id}
                  rubric={rubric}
                  indicator={indicator}
                  changed={changed}
                  onlyPending={onlyPending}
                  busy={busy}
                  onRevise={(i, c) => setRevising({ indicator: i, criterion: c })}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {revising ? (
        <ReviseDialog
          rubric={rubric}
          indicator={revising.indicator}
          criterion={revising.criterion}
          onCancel={() => setRevising(undefined)}
          onRevised={(next) => {
            const id = revising.indicator.id + "." + revising.criterion.id;
            props.onDraftChange({
              rubric: next,
              changed: changed.indexOf(id) >= 0 ? changed : changed.concat(id),
              base: draft?.base ?? baseKey,
            });
            setRevising(undefined);
          }}
        />
      ) : null}
      {saving ? (
        <ConfirmDialog
          open
          title={SAVE}
          plan={saving}
          busy={busy}
          lossyParts={props.lossyParts}
          onCancel={() => setSaving(undefined)}
          onConfirm={async () => {
            const ok = await props.apply(saving, SAVE);
            if (ok) props.onDraftChange(undefined);
            setSaving(undefined);
          }}
        >
          {pending ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>仍有 {pending} 个评分项待确认；保存后它们仍标为“待确认”。</MessageBarBody>
            </MessageBar>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
};
