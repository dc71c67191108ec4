/**
 * A text box over one workbook cell: shows the cell's value, lets the person type, and writes
 * on blur or Enter — not on every key. While they type, what the workbook says does not
 * overwrite their text; once written, the box shows what the workbook holds again.
 */
import * as React from "react";
import { Input, type InputProps } from "@fluentui/react-components";

export interface DraftInputProps extends Omit<
  InputProps,
  "value" | "defaultValue" | "onChange" | "onBlur" | "onKeyDown" | "onFocus"
> {
  /** What the workbook holds, as text. */
  value: string;
  /** Writes the text; resolves false when the write failed. */
  onCommit(text: string): Promise<boolean>;
}

export const DraftInput: React.FC<DraftInputProps> = ({ value, onCommit, ...rest }) => {
  const [draft, setDraft] = React.useState<string | null>(null);
  const focused = React.useRef(false);
  const committing = React.useRef(false);

  // A new value from the workbook replaces the draft unless the person is typing.
  React.useEffect(() => {
    if (!focused.current && !committing.current) setDraft(null);
  }, [value]);

  const commit = async () => {
    if (draft === null) return;
    const text = draft.trim();
    if (text === value.trim()) {
      setDraft(null);
      return;
    }
    committing.current = true;
    try {
      await onCommit(text);
    } finally {
      committing.current = false;
      // Show what the workbook now holds (the write re-read it), or the old value when it failed.
      if (!focused.current) setDraft(null);
    }
  };

  return (
    <Input
      {...rest}
      value={draft ?? value}
      onChange={(_e, data) => setDraft(data.value)}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        void commit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") void commit();
        if (e.key === "Escape" && draft !== null) setDraft(null);
      }}
    />
  );
};
