/**
 * Says what an action will change before anything is written: the plan's summary, the cells a
 * person typed that it keeps, and (standalone mode) what saving the file would lose. 确定 applies,
 * 覆盖 (where offered) applies the plan that replaces what the other keeps, 取消 leaves the
 * workbook as it is.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useSharedStyles } from "./styles";
import type { WorkbookPlan } from "../../plan/plan";
import { proposalText, type OverwriteWords } from "../model/proposal";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will change; absent while the user still has a choice to make (children). */
  plan?: WorkbookPlan;
  /** Why nothing can be applied; 确定 is disabled and this is said instead. */
  blocked?: string;
  lossyParts?: readonly string[];
  busy?: boolean;
  confirmLabel?: string;
  onConfirm(): void;
  onCancel(): void;
  /** Choices shown above the summary (the rubric of a template, say). */
  children?: React.ReactNode;
  /** The action's other plan, replacing what `plan` keeps: offered as a second button. */
  overwrite?: WorkbookPlan;
  onOverwrite?(): void;
  /** What the 覆盖 choice is called and does; 准备工作簿's words when not given. */
  overwriteWords?: OverwriteWords;
  /** Shown below the summary and the cells kept (合并各单位报送: conflicts, files not merged). */
  details?: React.ReactNode;
}

const useStyles = makeStyles({
  content: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  actions: {
    flexWrap: "wrap",
  },
});

export const ConfirmDialog: React.FC<ConfirmDialogProps> = (props) => {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { plan, blocked, lossyParts } = props;
  const text = plan ? proposalText(plan, props.overwrite, props.overwriteWords) : undefined;
  return (
    <Dialog open={props.open} onOpenChange={(_e, data) => (data.open ? undefined : props.onCancel())}>
      <DialogSurface className={shared.dialogSurface}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {props.children}
            {text ? (
              <section aria-label="将要进行的修改">
                <Subtitle2 as="h3" className={shared.flush}>
                  将要进行的修改
                </Subtitle2>
                {text.changes.length ? (
                  <ul className={styles.list}>
                    {text.changes.map((line, i) => (
                      <li key={i}>
                        <Body1>{line}</Body1>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Body1>{text.noSummary}</Body1>
                )}
              </section>
            ) : null}
            {text && text.keptHeading ? (
              <section aria-label="保留不改">
                <Subtitle2 as="h3" className={shared.flush}>
                  {text.keptHeading}
                </Subtitle2>
                <ul className={styles.list}>
                  {text.kept.map((line, i) => (
                    <li key={i}>
                      <Caption1>{line}</Caption1>
                    </li>
                  ))}
                </ul>
                {text.overwriteNote ? <Body1>{text.overwriteNote}</Body1> : null}
              </section>
            ) : null}
            {props.details}
            {lossyParts && lossyParts.length ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>保存文件时以下内容会丢失</MessageBarTitle>
                  {lossyParts.join("；")}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {blocked ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{blocked}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button
              appearance="primary"
              disabled={!text || text.nothing || Boolean(blocked) || props.busy}
              onClick={props.onConfirm}
            >
              {props.confirmLabel ?? "确定"}
            </Button>
            {text && text.overwriteLabel && props.onOverwrite ? (
              <Button appearance="secondary" disabled={Boolean(blocked) || props.busy} onClick={props.onOverwrite}>
                {text.overwriteLabel}
              </Button>
            ) : null}
            <Button appearance="secondary" onClick={props.onCancel}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
