/**
 * 指标数据: each metric's figures — 分子 and 分母 for a rate computed from counts, or the 实际值 —
 * with its bound ("目标 ≥65%") and where it stands now. Written to the 指标数据 sheet on blur or Enter.
 */
import * as React from "react";
import { Badge, Body1, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import type { ThresholdStatus } from "../../rubric/engine";
import { formatMetricValue } from "../../rubric/metric";
import type { Rubric } from "../../rubric/schema";
import type { MetricField } from "../model/form";
import { DraftInput } from "./DraftInput";
import { rateText, typedText } from "./format";

export type MetricPart = "numerator" | "denominator" | "value";

export interface MetricFieldsProps {
  rubric: Rubric;
  metrics: readonly MetricField[];
  thresholds: readonly ThresholdStatus[];
  onCommit(metricId: string, part: MetricPart, value: string): Promise<boolean>;
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  parts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  input: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Where the metric stands: the first status that says something (unmet before met before blank). */
function statusOf(metricId: string, thresholds: readonly ThresholdStatus[]): ThresholdStatus | undefined {
  const own = thresholds.filter((t) => t.metric === metricId);
  return own.find((t) => t.met === false) ?? own.find((t) => t.met === true) ?? own[0];
}

const MetricItem: React.FC<{
  field: MetricField;
  rubric: Rubric;
  status?: ThresholdStatus;
  onCommit: MetricFieldsProps["onCommit"];
}> = ({ field, rubric, status, onCommit }) => {
  const styles = useStyles();
  const headingId = "metric-" + field.id;
  const metric = rubric.metrics.find((m) => m.id === field.id);
  const counts = field.rate && field.numerator !== undefined && field.denominator !== undefined;
  const commit = (part: MetricPart) => (text: string) => onCommit(field.id, part, text);
  const valueUnit = field.rate ? "" : field.unit;
  return (
    <li className={styles.item}>
      <div className={styles.group} role="group" aria-labelledby={headingId}>
        <div className={styles.head}>
          <Body1 id={headingId} as="span">
            {field.name}
          </Body1>
          {status && status.met === false ? (
            <Badge appearance="filled" color="danger">
              未达标
            </Badge>
          ) : status && status.met === true ? (
            <Badge appearance="tint" color="success">
              已达标
            </Badge>
          ) : null}
        </div>
        <Caption1 className={styles.muted}>
          {field.bounds ? "目标 " + field.bounds : "无目标值"}
          {status && status.value !== null && metric ? "；当前 " + formatMetricValue(metric, status.value) : ""}
        </Caption1>
        <div className={styles.parts}>
          {counts ? (
            <>
              <Field label={"分子：" + field.numerator}>
                <DraftInput
                  className={styles.input}
                  inputMode="decimal"
                  value={typedText(field.values.numerator)}
                  onCommit={commit("numerator")}
                />
              </Field>
              <Field label={"分母：" + field.denominator}>
                <DraftInput
                  className={styles.input}
                  inputMode="decimal"
                  value={typedText(field.values.denominator)}
                  onCommit={commit("denominator")}
                />
              </Field>
            </>
          ) : null}
          <Field
            label={"实际值" + (valueUnit ? "（" + valueUnit + "）" : "")}
            hint={counts ? "填了分子和分母可不填" : undefined}
          >
            <DraftInput
              className={styles.input}
              inputMode="decimal"
              placeholder={field.rate ? "如 65%" : undefined}
              value={field.rate ? rateText(field.values.value) : typedText(field.values.value)}
              onCommit={commit("value")}
            />
          </Field>
        </div>
      </div>
    </li>
  );
};

export const MetricFields: React.FC<MetricFieldsProps> = ({ rubric, metrics, thresholds, onCommit }) => {
  const styles = useStyles();
  if (!metrics.length) return <Body1>本细则没有需要填写的指标数据。</Body1>;
  return (
    <ul className={styles.list}>
      {metrics.map((m) => (
        <MetricItem key={m.id} field={m} rubric={rubric} status={statusOf(m.id, thresholds)} onCommit={onCommit} />
      ))}
    </ul>
  );
};
