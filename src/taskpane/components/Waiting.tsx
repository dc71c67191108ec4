/** The pane before its first analysis: reading (a spinner), or a read that failed (a button to read again). */
import * as React from "react";
import { Button, Spinner } from "@fluentui/react-components";

export const Waiting: React.FC<{ loading: boolean; onRetry(): void }> = ({ loading, onRetry }) =>
  loading ? (
    <Spinner size="small" label="正在读取工作簿…" />
  ) : (
    <div>
      <Button onClick={onRetry}>重新读取</Button>
    </div>
  );
