/**
 * What was recognized: each sheet's kind (任务分解表 / 评分细则 / 考核表), the rubric it matched (with
 * a picker to choose another), how many indicators matched, and — collapsed — what did not.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Rubric } from "../../rubric/schema";
import type { SheetMatch } from "../../sheet/match";
import type { Analysis } from "../model/analysis";
import { KIND_NAMES, otherSheetLine, points } from "./format";
import { RubricPicker } from "./RubricPicker";

export interface SheetSummaryProps {
  analysis: Analysis;
  rubrics: readonly Rubric[];
  chosenId?: string;
  rememberedId?: string;
  onChoose(id: string | undefined): void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function indicatorCount(rubric: Rubric): number {
  return rubric.categories.reduce((n, c) => n + c.indicators.length, 0);
}

const MatchDetails: React.FC<{ match: SheetMatch }> = ({ match }) => {
  const styles = useStyles();
  const groups: Array<{ value: string; title: string; lines: string[] }> = [
    {
      value: "unmatched",
      title: "未匹配的行",
      lines: match.unmatchedRows.map((r) => "第 " + (r.row + 1) + " 行：" + r.text),
    },
    {
      value: "missing",
      title: "表中缺少的指标",
      lines: match.missing.map((m) => m.id + " " + m.text),
    },
    {
      value: "points",
      title: "分值与细则不同",
      lines: match.pointsDiffer.map(
        (d) =>
          "第 " +
          (d.row.row + 1) +
          " 行 " +
          d.indicator.id +
          "：表中 " +
          points(d.sheet) +
          " 分，细则 " +
          points(d.rubric) +
          " 分"
      ),
    },
  ].filter((g) => g.lines.length > 0);
  if (!groups.length) return <Caption1 className={styles.muted}>表中各行与评分细则一一对应。</Caption1>;
  return (
    <Accordion multiple collapsible>
      {groups.map((g) => (
        <AccordionItem key={g.value} value={g.value}>
          <AccordionHeader size="small">
            {g.title}（{g.lines.length}）
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {g.lines.map((line, i) => (
                <li key={i}>
                  <Caption1>{line}</Caption1>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
};

export const SheetSummary: React.FC<SheetSummaryProps> = ({ analysis, rubrics, chosenId, rememberedId, onChoose }) => {
  const styles = useStyles();
  const { primary, rubric } = analysis;
  const others = analysis.sheets.filter((s) => s !== primary);
  return (
    <section aria-labelledby="sheets-heading" className={styles.root}>
      <Subtitle2 as="h2" id="sheets-heading">
        识别结果
      </Subtitle2>
      {primary ? (
        <>
          <div className={styles.line}>
            <Body1>工作表“{primary.layout.sheet}”</Body1>
            <Badge appearance="tint" color="brand">
              {KIND_NAMES[primary.layout.kind]}
            </Badge>
          </div>
          {rubric ? (
            <Body1>
              评分细则：{rubric.title}
              <span className={styles.muted}>（{rubric.document}）</span>
            </Body1>
          ) : null}
          {primary.match ? (
            <Body1>
              已匹配 {primary.match.matches.length} / {indicatorCount(primary.match.rubric)} 个二级指标
            </Body1>
          ) : null}
          {primary.match ? <MatchDetails match={primary.match} /> : null}
        </>
      ) : (
        <Body1>没有识别出任务分解表、评分细则或考核表。可以在下方“新建模板”，按内置评分细则新建一张任务分解表。</Body1>
      )}
      <RubricPicker
        label="使用的评分细则"
        rubrics={rubrics}
        selectedId={rubric?.id ?? chosenId}
        hint={
          chosenId
            ? "已手动选择"
            : rememberedId
              ? "按准备工作簿时所用的评分细则；如不对，可另选"
              : "按表格内容自动匹配；如不对，可另选"
        }
        onSelect={(id) => onChoose(id)}
      />
      {chosenId ? (
        <div>
          <Button size="small" appearance="subtle" onClick={() => onChoose(undefined)}>
            恢复自动匹配
          </Button>
        </div>
      ) : null}
      {others.length ? (
        <ul className={styles.list} aria-label="其他工作表">
          {others.map((s) => (
            <li key={s.layout.sheet}>
              <Caption1 className={styles.muted}>{otherSheetLine(s)}</Caption1>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
};
