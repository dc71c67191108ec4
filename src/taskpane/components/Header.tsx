/**
 * The pane's top: its name, the workbook's, and one line per thing worth knowing — the notice
 * from the page, each capability this Excel lacks (folded into one line when there are many), a failed host call, what a write skipped, and
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
  /** "Excel" (default) or "WPS": the program named in "当前 Excel 版本…". */
  app?: string;
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
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** More lines than this (an Excel with ExcelApi 1.1 lacks ten features) fold into one, opened on request. */
const NOTES_SHOWN = 2;

/** What this Excel cannot do: each a line, or, when many, one line that opens the list. */
const CapabilityNotes: React.FC<{ notes: readonly string[]; app: string }> = ({ notes, app }) => {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  if (notes.length <= NOTES_SHOWN)
    return (
      <>
        {notes.map((note, i) => (
          <MessageBar key={i} intent="info" layout="multiline">
            <MessageBarBody>{note}</MessageBarBody>
          </MessageBar>
        ))}
      </>
    );
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        当前 {app} 版本较旧，有 {notes.length} 项功能不可用，涉及的内容会跳过并说明。
        {open ? (
          <ul id="capability-notes" className={styles.notes}>
            {notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" aria-expanded={open} aria-controls="capability-notes" onClick={() => setOpen(!open)}>
          {open ? "收起" : "查看"}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
};

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
      <CapabilityNotes notes={props.notes} app={props.app ?? "Excel"} />
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
            当前 {props.app ?? "Excel"} 版本不会通知工作表的修改：在表中填写后，请点“刷新”更新得分。
          </Caption1>
        </div>
      ) : null}
    </header>
  );
};
