/**
 * The built-in rubrics that can score a sheet (those with categories), as a native list (Fluent's
 * Select): it fits the narrow pane, opens the system's own list for long titles, works by keyboard,
 * and costs the first load a tenth of a Dropdown.
 */
import * as React from "react";
import { Field, Select, makeStyles } from "@fluentui/react-components";
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
  select: { minWidth: 0, width: "100%", maxWidth: "100%" },
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
      <Select
        className={styles.select}
        value={selected ? selected.id : ""}
        onChange={(_e, data) => {
          if (data.value) onSelect(data.value);
        }}
      >
        {selected ? null : (
          <option value="" disabled>
            选择评分细则
          </option>
        )}
        {options.map((r) => (
          <option key={r.id} value={r.id}>
            {optionText(r)}
          </option>
        ))}
      </Select>
    </Field>
  );
};
