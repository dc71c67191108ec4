/**
 * 概览: the 自评得分 against the 分值 (bonus apart), each 一级指标's score with a bar, and every
 * unmet threshold. Recomputed from the workbook on each read, so it follows every edit.
 */
import * as React from "react";
import { Body1, Caption1, Field, ProgressBar, Subtitle2, Title1, makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "../model/analysis";
import { blankMetricCount, categoryBar, scoreNotes, thresholdValueText, unmetThresholds } from "../model/dashboard";
import { points } from "./format";

export interface DashboardProps {
  analysis: Analysis;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  total: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  categories: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  unmet: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const Dashboard: React.FC<DashboardProps> = ({ analysis }) => {
  const styles = useStyles();
  const { score, rubric } = analysis;
  if (!score || !rubric)
    return <Body1>未识别出评分细则，无法计算自评得分。请确认工作簿中有任务分解表、评分细则或考核表。</Body1>;
  const unmet = unmetThresholds(score.thresholds);
  const blank = blankMetricCount(score.thresholds);
  const notes = scoreNotes(analysis.scored);
  return (
    <div className={styles.root}>
      <section aria-labelledby="total-heading" className={styles.total}>
        <Subtitle2 as="h2" id="total-heading">
          自评得分
        </Subtitle2>
        <Title1 as="p" data-testid="total">
          {points(score.total)} / {points(score.max)} 分
        </Title1>
        {score.bonus.max > 0 ? (
          <Body1 data-testid="bonus">
            加分 {points(score.bonus.score)} / {points(score.bonus.max)}
          </Body1>
        ) : null}
        <Caption1 className={styles.muted}>{notes.source}</Caption1>
        {notes.supported ? <Body1 data-testid="supported">{notes.supported}</Body1> : null}
        {notes.differences.length ? (
          <ul className={styles.list} data-testid="differences">
            {notes.differences.map((d) => (
              <li key={d}>
                <Caption1>{d}</Caption1>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="categories-heading" className={styles.categories}>
        <Subtitle2 as="h2" id="categories-heading">
          各一级指标
        </Subtitle2>
        {score.categories.map((c) => {
          const bar = categoryBar(c);
          return (
            <Field key={c.id} label={bar.title} hint={bar.text}>
              <ProgressBar value={bar.fraction} thickness="large" />
            </Field>
          );
        })}
      </section>
      <section aria-labelledby="unmet-heading">
        <Subtitle2 as="h2" id="unmet-heading">
          未达标（{unmet.length}）
        </Subtitle2>
        {unmet.length ? (
          <ul className={styles.list} aria-labelledby="unmet-heading" data-testid="unmet">
            {unmet.map((t) => (
              <li key={t.metric + t.boundText}>
                <Body1>
                  {t.name}：<span className={styles.unmet}>{thresholdValueText(rubric, t)}</span>，目标 {t.boundText}
                </Body1>
              </li>
            ))}
          </ul>
        ) : (
          <Body1>已填写的指标数据均已达标。</Body1>
        )}
        {blank ? <Caption1 className={styles.muted}>还有 {blank} 项指标数据未填写。</Caption1> : null}
      </section>
    </div>
  );
};
