/**
 * 校验: everything a reviewer would catch, grouped by severity (错误 / 警告 / 提示), each with the
 * rubric's own rule beside it. Clicking one goes to its cell; a warning can be explained (说明),
 * and explained ones show their note and no longer count.
 */
import * as React from "react";
import { Badge, Body1, Button, Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { countBySeverity, SEVERITY_NAMES, type Finding, type Severity } from "../../check/findings";
import type { Rubric } from "../../rubric/schema";

export interface FindingsListProps {
  findings: readonly Finding[];
  rubric?: Rubric;
  busy: boolean;
  onSelect(finding: Finding): void;
  onAccept(finding: Finding): void;
  onWriteReport(): void;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  message: { textAlign: "left" },
  rule: { color: tokens.colorNeutralForeground3 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** The rule text of the finding's indicator, looked up in the rubric. */
function ruleOf(rubric: Rubric | undefined, indicator: string | undefined): string | undefined {
  if (!rubric || !indicator) return undefined;
  for (const c of rubric.categories) for (const i of c.indicators) if (i.id === indicator) return i.rule;
  return undefined;
}

function place(f: Finding): string {
  return f.cell ? f.sheet + "!" + f.cell : "工作表“" + f.sheet + "”";
}

const FindingItem: React.FC<{ finding: Finding } & Omit<FindingsListProps, "findings" | "onWriteReport">> = ({
  finding: f,
  rubric,
  busy,
  onSelect,
  onAccept,
}) => {
  const styles = useStyles();
  const rule = ruleOf(rubric, f.indicator);
  return (
    <li className={styles.item}>
      <Link as="button" className={styles.message} onClick={() => onSelect(f)}>
        {f.message}
      </Link>
      <Caption1 className={styles.rule}>
        {place(f)}
        {f.indicator ? " · 指标 " + f.indicator : ""}
      </Caption1>
      {rule ? <Caption1 className={styles.rule}>细则：{rule}</Caption1> : null}
      {f.accepted ? (
        <div className={styles.row}>
          <Badge appearance="tint" color="success">
            已说明
          </Badge>
          <Body1>{f.accepted.note}</Body1>
        </div>
      ) : null}
      {f.severity !== "error" ? (
        <div className={styles.row}>
          <Button size="small" disabledFocusable={busy} onClick={() => onAccept(f)}>
            {f.accepted ? "修改说明" : "填写说明"}
          </Button>
        </div>
      ) : null}
    </li>
  );
};

export const FindingsList: React.FC<FindingsListProps> = (props) => {
  const styles = useStyles();
  const { findings } = props;
  const counts = countBySeverity(findings);
  const accepted = findings.filter((f) => f.accepted).length;
  return (
    <div className={styles.root}>
      <div className={styles.counts} aria-label="校验结果统计" role="status">
        {SEVERITIES.map((s) => (
          <Badge key={s} appearance={counts[s] ? "filled" : "outline"} color={BADGE[s]}>
            {SEVERITY_NAMES[s]} {counts[s]}
          </Badge>
        ))}
        {accepted ? <Caption1>已说明 {accepted}</Caption1> : null}
      </div>
      {findings.length === 0 ? <Body1>未发现问题。</Body1> : null}
      {SEVERITIES.map((s) => {
        const group = findings.filter((f) => f.severity === s);
        if (!group.length) return null;
        return (
          <section key={s} aria-labelledby={"sev-" + s}>
            <Subtitle2 as="h3" id={"sev-" + s}>
              {SEVERITY_NAMES[s]}（{counts[s]}
              {group.length > counts[s] ? "，另有 " + (group.length - counts[s]) + " 条已说明" : ""}）
            </Subtitle2>
            <ul className={styles.list} aria-labelledby={"sev-" + s}>
              {group.map((f, i) => (
                <FindingItem
                  key={f.code + f.sheet + f.cell + i}
                  finding={f}
                  rubric={props.rubric}
                  busy={props.busy}
                  onSelect={props.onSelect}
                  onAccept={props.onAccept}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <div>
        <Button disabledFocusable={props.busy} onClick={props.onWriteReport}>
          写入“校验报告”工作表
        </Button>
      </div>
    </div>
  );
};
