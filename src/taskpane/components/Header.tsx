/**
 * The pane's top: its name, the workbook's, and one line per thing worth knowing — the notice
 * from the page, each capability this Excel lacks, a failed host call, what a write skipped, and
 * (where Excel reports no edits) the 刷新 button.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

export interface HeaderProps {
  name: string;
  notice?: string;
  notes: readonly string[];
  error?: string;
  skipped: readonly string[];
  /** Excel reports no edits: offer 刷新. */
  manualRefresh: boolean;
  busy: boolean;
  onRefresh(): void;
  onDismissError(): void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  title: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  refresh: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const Header: React.FC<HeaderProps> = (props) => {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.title}>
        <Title2 as="h1">自评助手</Title2>
        <Body1 className={styles.muted}>{props.name}</Body1>
      </div>
      {props.notice ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{props.notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.notes.map((note, i) => (
        <MessageBar key={i} intent="info" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      {props.error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{props.error}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={props.onDismissError}>
              关闭
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {props.skipped.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>本次未能写入：{props.skipped.join("；")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.manualRefresh ? (
        <div className={styles.refresh}>
          <Button size="small" disabledFocusable={props.busy} onClick={props.onRefresh}>
            刷新
          </Button>
          <Caption1 className={styles.muted}>
            当前 Excel 版本不会通知工作表的修改：在表中填写后，请点“刷新”更新得分。
          </Caption1>
        </div>
      ) : null}
    </header>
  );
};
