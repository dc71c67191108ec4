/**
 * The standalone page's first screen: open an .xlsx file (button or drop), for staff whose office
 * uses WPS and for reviewers without the add-in. The file is read in the browser only.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "640px",
  },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalXXL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalS,
    textAlign: "center",
  },
  active: { backgroundColor: tokens.colorBrandBackground2 },
});

export interface OpenFileProps {
  onOpen(name: string, data: ArrayBuffer): Promise<void>;
  /** A Word notice (.docx): its scoring tables imported as a workbook (打开通知文件). */
  onOpenNotice?(name: string, data: ArrayBuffer): Promise<void>;
}

export function OpenFile({ onOpen, onOpenNotice }: OpenFileProps) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const noticeInput = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [over, setOver] = React.useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    const notice = /\.docx$/i.test(file.name) && onOpenNotice !== undefined;
    if (/\.doc$/i.test(file.name) && onOpenNotice) {
      setError("旧版 Word 文档（.doc）请先在 Word 或 WPS 中另存为 .docx 再打开：" + file.name);
      return;
    }
    if (!notice && !/\.xlsx$/i.test(file.name)) {
      setError("请选择 .xlsx 工作簿（WPS 或旧版 .xls 文件请先另存为 .xlsx）：" + file.name);
      return;
    }
    setBusy(true);
    try {
      if (notice) await onOpenNotice!(file.name, await file.arrayBuffer());
      else await onOpen(file.name, await file.arrayBuffer());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.root}>
      <Title2 as="h1">自评助手</Title2>
      <Body1>县域养老服务体系考核自评：识别任务分解表、评分细则或考核表，填写自评得分公式，发送前校验。</Body1>
      <div
        className={over ? `${styles.drop} ${styles.active}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void open(e.dataTransfer.files[0]);
        }}
      >
        <Body1>把 .xlsx 工作簿{onOpenNotice ? "或 Word 通知（.docx）" : ""}拖到这里，或</Body1>
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
          打开工作簿
        </Button>
        {onOpenNotice ? (
          <>
            <Button disabled={busy} onClick={() => noticeInput.current?.click()}>
              打开通知文件
            </Button>
            <Caption1>通知中的评分表（任务分解表、评分细则或考核表）导入为工作簿，正文中的目标另行列出供核对</Caption1>
            <input
              ref={noticeInput}
              type="file"
              accept=".docx"
              hidden
              aria-label="选择 Word 通知（.docx）"
              onChange={(e) => void open(e.target.files?.[0])}
            />
          </>
        ) : null}
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xls,.et"
          hidden
          aria-label="选择 .xlsx 工作簿"
          onChange={(e) => void open(e.target.files?.[0])}
        />
        {busy && <Spinner size="small" label="正在读取…" />}
        <Caption1>文件只在本浏览器中处理，不会上传到任何地方。</Caption1>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
