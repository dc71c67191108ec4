/**
 * 自评依据: the matched rubric's 评分项, grouped by 一级指标 (Accordion) and 二级指标, and the 指标数据.
 * Every value shown is read from the workbook; every change is written there and read back.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CriterionScore, IndicatorScore } from "../../rubric/engine";
import type { Rubric } from "../../rubric/schema";
import type { Grid } from "../../sheet/grid";
import type { Analysis } from "../model/analysis";
import { evidenceForm, type CriterionField as FieldModel, type IndicatorSection } from "../model/form";
import { CriterionField } from "./CriterionField";
import { errorText, points } from "./format";
import { MetricFields, type MetricPart } from "./MetricFields";

export interface EvidenceFormProps {
  analysis: Analysis;
  grids: readonly Grid[];
  busy: boolean;
  lossyParts?: readonly string[];
  /** The rubric the workbook was prepared with, when known. */
  preparedWith?: Rubric;
  onPrepare(): void;
  onCommitCriterion(field: FieldModel, value: string | number): Promise<boolean>;
  onCommitMetric(metricId: string, part: MetricPart, value: string): Promise<boolean>;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  indicators: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  indicator: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  indicatorHead: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  headerText: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "3 / 4 分", or "加分 1 / 2" for a bonus-only indicator. */
function scoreText(s: IndicatorScore | undefined, section: IndicatorSection): string {
  if (section.points > 0) return "自评得分 " + points(s?.score ?? 0) + " / " + points(section.points) + " 分";
  return "加分 " + points(s?.bonus.score ?? 0) + " / " + points(section.bonus) + " 分";
}

const Indicator: React.FC<{
  section: IndicatorSection;
  score?: IndicatorScore;
  onCommit: EvidenceFormProps["onCommitCriterion"];
}> = ({ section, score, onCommit }) => {
  const styles = useStyles();
  const outcomes = new Map<string, CriterionScore>();
  for (const c of score?.criteria ?? []) outcomes.set(c.id, c);
  const shown = new Set<string>();
  return (
    <section className={styles.indicator} aria-labelledby={"ind-" + section.id}>
      <div className={styles.indicatorHead}>
        <Body1Strong as="h4" id={"ind-" + section.id}>
          {section.id} {section.text}
        </Body1Strong>
        <Caption1 className={styles.muted}>{scoreText(score, section)}</Caption1>
      </div>
      {section.fields.length === 0 ? (
        <Caption1 className={styles.muted}>
          本项按“指标数据”计算，请在下方“指标数据”中填写。细则：{section.rule}
        </Caption1>
      ) : null}
      {section.fields.map((field) => {
        // A count with several kinds of item has one outcome: shown under its first item.
        const first = !shown.has(field.criterionId);
        shown.add(field.criterionId);
        return (
          <CriterionField
            key={field.key}
            field={field}
            outcome={first ? outcomes.get(field.criterionId) : undefined}
            onCommit={(value) => onCommit(field, value)}
          />
        );
      })}
    </section>
  );
};

export const EvidenceForm: React.FC<EvidenceFormProps> = (props) => {
  const styles = useStyles();
  const { analysis, grids } = props;
  const { rubric, score } = analysis;
  const built = React.useMemo(() => {
    if (!rubric || !analysis.filled) return undefined;
    try {
      return { form: evidenceForm(rubric, grids) };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [rubric, grids, analysis.filled]);

  if (!rubric) return <Body1>未识别出评分细则，无法列出自评依据。</Body1>;
  if (!analysis.filled)
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          工作簿还没有“自评依据”和“指标数据”工作表。请先准备工作簿：新增这两张表，并在自评得分列写入按它们计算的公式。
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" disabledFocusable={props.busy} onClick={props.onPrepare}>
            准备工作簿
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (props.preparedWith && props.preparedWith.id !== rubric.id)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          工作簿是按“{props.preparedWith.title}”准备的，现在选用的是“{rubric.title}
          ”，两者的自评依据不同。请重新准备工作簿，或改回原来的评分细则。
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" disabledFocusable={props.busy} onClick={props.onPrepare}>
            准备工作簿
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (!built || "error" in built)
    return (
      <MessageBar intent="error">
        <MessageBarBody>无法列出自评依据：{built?.error}</MessageBarBody>
      </MessageBar>
    );

  const indicatorScores = new Map<string, IndicatorScore>();
  const categoryScores = new Map(score?.categories.map((c) => [c.id, c]) ?? []);
  for (const c of score?.categories ?? []) for (const i of c.indicators) indicatorScores.set(i.id, i);
  const { form } = built;
  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>
        这里填写的内容直接写入工作簿的“自评依据”“指标数据”工作表；在表中填写的内容也会显示在这里。
      </Caption1>
      {props.lossyParts && props.lossyParts.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>保存文件时以下内容会丢失：{props.lossyParts.join("；")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Accordion multiple collapsible>
        {form.categories.map((category) => {
          const c = categoryScores.get(category.id);
          const pointsText = c
            ? c.max > 0
              ? points(c.score) + " / " + points(c.max) + " 分"
              : "加分 " + points(c.bonus.score) + " / " + points(c.bonus.max)
            : "";
          return (
            <AccordionItem key={category.id} value={category.id}>
              <AccordionHeader as="h3">
                <span className={styles.headerText}>
                  {category.title}
                  {pointsText ? "（" + pointsText + "）" : ""}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.indicators}>
                  {category.indicators.map((section) => (
                    <Indicator
                      key={section.id}
                      section={section}
                      score={indicatorScores.get(section.id)}
                      onCommit={props.onCommitCriterion}
                    />
                  ))}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
        <AccordionItem value="metrics">
          <AccordionHeader as="h3">
            <span className={styles.headerText}>指标数据（{form.metrics.length} 项）</span>
          </AccordionHeader>
          <AccordionPanel>
            <MetricFields
              rubric={rubric}
              metrics={form.metrics}
              thresholds={score?.thresholds ?? []}
              onCommit={props.onCommitMetric}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
};
