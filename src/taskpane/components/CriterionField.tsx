/**
 * One 评分项 of the evidence form: the rule's own words, the hint, Ziping's note where there is
 * one, and the control its kind needs — 是/否/未填, a choice (with 无), a number within its range
 * and step, or a rate. A change is written to the workbook's 自评依据 sheet at once (numbers on
 * blur, Enter, or shortly after the last arrow press).
 */
import * as React from "react";
import {
  Caption1,
  Dropdown,
  Field,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parseNumber, parseYesNo } from "../../rubric/figures";
import { toHalfWidth } from "../../rubric/text";
import type { CriterionScore } from "../../rubric/engine";
import type { CriterionField as FieldModel } from "../model/form";
import { DraftInput } from "./DraftInput";
import { points, rateText, typedText } from "./format";

export interface CriterionFieldProps {
  field: FieldModel;
  /** The engine's outcome for this field's criterion, when it should be shown here. */
  outcome?: CriterionScore;
  /** Writes a value ("" clears the cell); resolves false when the write failed. */
  onCommit(value: string | number): Promise<boolean>;
}

/** How long after the last arrow press a number is written. */
const SPIN_DEBOUNCE_MS = 400;

const NOT_ENTERED = "未填";

/** Option labels compare as the engine compares them: half-width, spaces ignored. */
function sameText(a: string, b: string): boolean {
  return toHalfWidth(a).replace(/\s/g, "") === toHalfWidth(b).replace(/\s/g, "");
}

/** The option a typed choice stands for ("否" means none, as in the engine), or undefined. */
function optionOf(control: Extract<FieldModel["control"], { type: "choice" }>, text: string): string | undefined {
  if (sameText(text, "否")) return control.none;
  return control.options
    .map((o) => o.label)
    .concat(control.none)
    .find((label) => sameText(label, text));
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  text: { color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  outcome: { color: tokens.colorNeutralForeground3 },
  control: { minWidth: 0, maxWidth: "100%" },
  spin: { width: "10em", maxWidth: "100%" },
  radios: { flexWrap: "wrap" },
});

/** A pending value shown until the write has re-read the workbook (or failed). */
function usePending<T>(): [T | undefined, (value: T, write: () => Promise<boolean>) => Promise<void>] {
  const [pending, setPending] = React.useState<T>();
  const run = React.useCallback(async (value: T, write: () => Promise<boolean>) => {
    setPending(value);
    try {
      await write();
    } finally {
      setPending(undefined);
    }
  }, []);
  return [pending, run];
}

const YesNo: React.FC<CriterionFieldProps> = ({ field, onCommit }) => {
  const styles = useStyles();
  const [pending, run] = usePending<string>();
  const yes = field.value === undefined ? undefined : parseYesNo(field.value);
  const fromSheet = field.value === undefined ? NOT_ENTERED : yes === true ? "是" : yes === false ? "否" : "";
  return (
    <RadioGroup
      layout="horizontal"
      className={styles.radios}
      value={pending ?? fromSheet}
      onChange={(_e, data) => void run(data.value, () => onCommit(data.value === NOT_ENTERED ? "" : data.value))}
    >
      <Radio value="是" label="是" />
      <Radio value="否" label="否" />
      <Radio value={NOT_ENTERED} label={NOT_ENTERED} />
    </RadioGroup>
  );
};

const Choice: React.FC<CriterionFieldProps & { control: Extract<FieldModel["control"], { type: "choice" }> }> = ({
  field,
  control,
  onCommit,
}) => {
  const styles = useStyles();
  const [pending, run] = usePending<string>();
  const options = control.options.map((o) => ({ value: o.label, text: o.label + "（" + points(o.points) + " 分）" }));
  options.push({ value: control.none, text: control.none + "（0 分）" });
  const current = pending ?? (field.value === undefined ? undefined : typedText(field.value));
  const label = current === undefined ? undefined : optionOf(control, current);
  const known = options.find((o) => o.value === label);
  return (
    <Dropdown
      className={styles.control}
      placeholder={NOT_ENTERED}
      value={known ? known.text : (current ?? "")}
      selectedOptions={known ? [known.value] : []}
      onOptionSelect={(_e, data) => {
        const value = data.optionValue ?? "";
        void run(value, () => onCommit(value));
      }}
    >
      {options.map((o) => (
        <Option key={o.value} value={o.value} text={o.text}>
          {o.text}
        </Option>
      ))}
      <Option value="" text={NOT_ENTERED}>
        {"（" + NOT_ENTERED + "，清空）"}
      </Option>
    </Dropdown>
  );
};

const NumberInput: React.FC<CriterionFieldProps & { control: Extract<FieldModel["control"], { type: "number" }> }> = ({
  field,
  control,
  onCommit,
}) => {
  const styles = useStyles();
  const [pending, setPending] = React.useState<{ value: number | null; display?: string }>();
  const timer = React.useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = React.useRef<(() => void) | undefined>(undefined);
  const write = React.useCallback(
    async (value: string | number) => {
      try {
        await onCommit(value);
      } finally {
        setPending(undefined);
      }
    },
    [onCommit]
  );
  // Flush a pending arrow-press value when the field goes away (the accordion closes).
  React.useEffect(
    () => () => {
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        latest.current?.();
      }
    },
    []
  );
  const typed = field.value;
  const parsed = typed === undefined ? null : parseNumber(typed).value;
  const shownValue = pending ? pending.value : typeof typed === "number" ? typed : parsed;
  const shownDisplay = pending ? pending.display : typeof typed === "string" ? typed : undefined;
  return (
    <SpinButton
      className={styles.spin}
      min={control.min}
      max={control.max}
      step={control.step}
      value={shownValue}
      displayValue={shownDisplay}
      onChange={(_e, data) => {
        if (timer.current !== undefined) clearTimeout(timer.current);
        timer.current = undefined;
        if (data.value !== undefined) {
          // An arrow press: written shortly after the last one.
          const value = data.value;
          setPending({ value });
          latest.current = () => void write(value === null ? "" : value);
          timer.current = setTimeout(() => {
            timer.current = undefined;
            latest.current?.();
          }, SPIN_DEBOUNCE_MS);
          return;
        }
        // Typed text, committed on blur or Enter: written as typed ("3项" is read as 3 by the workbook).
        const text = (data.displayValue ?? "").trim();
        const number = parseNumber(text).value;
        if (text === typedText(typed)) return;
        setPending({ value: number, display: text });
        void write(text);
      }}
    />
  );
};

/** Why what the sheet holds cannot be shown in the control, or undefined. */
function unreadableValue(field: FieldModel): string | undefined {
  if (field.value === undefined) return undefined;
  const text = typedText(field.value);
  const control = field.control;
  if (control.type === "yesno" && parseYesNo(field.value) === null)
    return "表中填写的“" + text + "”不是“是”或“否”，请重新选择。";
  if (control.type === "choice") {
    if (optionOf(control, text) === undefined) return "表中填写的“" + text + "”不是列出的选项，请重新选择。";
  }
  return undefined;
}

export const CriterionField: React.FC<CriterionFieldProps> = (props) => {
  const styles = useStyles();
  const { field, outcome } = props;
  const control = field.control;
  const unit = control.type === "number" && control.unit ? "（" + control.unit + "）" : "";
  let input: React.ReactElement;
  switch (control.type) {
    case "yesno":
      input = <YesNo {...props} />;
      break;
    case "choice":
      input = <Choice {...props} control={control} />;
      break;
    case "number":
      input = <NumberInput {...props} control={control} />;
      break;
    case "rate":
      input = (
        <DraftInput
          className={styles.control}
          inputMode="decimal"
          placeholder="如 80%"
          value={rateText(field.value)}
          onCommit={(text) => props.onCommit(text)}
        />
      );
      break;
  }
  const unreadable = unreadableValue(field);
  return (
    <div className={styles.root}>
      <Field
        label={field.label + unit}
        hint={field.hint}
        validationMessage={unreadable}
        validationState={unreadable ? "warning" : "none"}
      >
        {input}
      </Field>
      {field.text !== field.label ? <Caption1 className={styles.text}>细则：{field.text}</Caption1> : null}
      {field.note ? <Caption1 className={styles.note}>注：{field.note}</Caption1> : null}
      {outcome && outcome.status !== "missing" ? (
        <Caption1 className={styles.outcome}>计分：{outcome.explain}</Caption1>
      ) : null}
    </div>
  );
};
