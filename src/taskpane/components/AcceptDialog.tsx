/**
 * Explaining a warning (说明): the person writes why it stands; the note is stored in the
 * workbook and the warning no longer counts.
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
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useSharedStyles } from "./styles";
import type { Finding } from "../../check/findings";

export interface AcceptDialogProps {
  finding: Finding;
  busy: boolean;
  lossyParts?: readonly string[];
  onAccept(note: string): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  content: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const AcceptDialog: React.FC<AcceptDialogProps> = ({ finding, busy, lossyParts, onAccept, onCancel }) => {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [note, setNote] = React.useState(finding.accepted?.note ?? "");
  const empty = note.trim() === "";
  return (
    <Dialog open onOpenChange={(_e, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface className={shared.dialogSurface}>
        <DialogBody>
          <DialogTitle>填写情况说明</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{finding.message}</Body1>
            <Field
              label="说明"
              hint="写明该项为何如此，如“新建护理院年底投用，届时达标”。说明保存在工作簿中，随文件发送。"
            >
              <Textarea value={note} resize="vertical" onChange={(_e, data) => setNote(data.value)} />
            </Field>
            <Caption1 className={styles.muted}>
              将写入：在隐藏工作表“_ziping”中记录这条说明；校验时该警告显示为“已说明”，不再计数。
            </Caption1>
            {lossyParts && lossyParts.length ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>保存文件时以下内容会丢失：{lossyParts.join("；")}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={empty || busy} onClick={() => onAccept(note.trim())}>
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
