/** A Dropdown of the built-in rubrics that can score a sheet (those with categories). */
import * as React from "react";
import { Dropdown, Field, Option, makeStyles } from "@fluentui/react-components";
import type { Rubric } from "../../rubric/schema";
import { points, scoringRubrics } from "./format";

export interface RubricPickerProps {
  label: string;
  rubrics: readonly Rubric[];
  selectedId?: string;
  hint?: string;
  onSelect(id: string): void;
}

const useStyles = makeStyles({
  // Fluent's Dropdown is at least 250px wide: let it shrink with the pane.
  dropdown: { minWidth: 0, width: "100%", maxWidth: "100%" },
  listbox: { maxWidth: "calc(100vw - 24px)" },
  option: { overflowWrap: "anywhere" },
});

function optionText(r: Rubric): string {
  return r.title + "（" + r.region + " " + r.year + "，满分 " + points(r.points) + " 分）";
}

export const RubricPicker: React.FC<RubricPickerProps> = ({ label, rubrics, selectedId, hint, onSelect }) => {
  const styles = useStyles();
  const options = scoringRubrics(rubrics);
  const selected = options.find((r) => r.id === selectedId);
  return (
    <Field label={label} hint={hint}>
      <Dropdown
        className={styles.dropdown}
        listbox={{ className: styles.listbox }}
        placeholder="选择评分细则"
        value={selected ? optionText(selected) : ""}
        selectedOptions={selected ? [selected.id] : []}
        onOptionSelect={(_e, data) => {
          if (data.optionValue) onSelect(data.optionValue);
        }}
      >
        {options.map((r) => (
          <Option key={r.id} value={r.id} text={optionText(r)} className={styles.option}>
            {optionText(r)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
};
