/**
 * What the three adapters agree on when they write a cell, so that Excel, WPS and an .xlsx file show
 * the same thing: the shading of input cells, how a cell's styles combine, Excel's limits on the texts
 * of a data validation, and how a sheet name is quoted in a formula. Pure; ES5 like the core (the WPS
 * adapter runs in the lite pane's bundle).
 */
import type { CellStyle } from "../plan/plan";

/** Shading of cells the user fills (`input: true`): Excel's light yellow "Note" fill. */
export const INPUT_FILL = "#FFF2CC";

/** Excel's (and WPS's) limits on data-validation texts; longer ones make Excel repair the file. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MAX = 255;
export const ERROR_TITLE_MAX = 32;
export const ERROR_MAX = 225;

/** A text cut to `max` characters, an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** "#RRGGBB" (the plan's colours come with or without "#", in either case). */
export function hexColor(c: string): string {
  return c.charAt(0) === "#" ? c.toUpperCase() : "#" + c.toUpperCase();
}

/** A sheet name as a formula refers to it: '自评依据'. */
export function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

/** The properties a cell ends with after the styles it was given, in order. */
export interface ResolvedStyle {
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  numberFormat?: string;
  align?: "left" | "center" | "right";
  unlocked?: boolean;
}

/** The styles a cell was given, in order, as the properties it ends with: a later style wins. */
export function resolveStyle(styles: readonly CellStyle[]): ResolvedStyle {
  const out: ResolvedStyle = {};
  for (const s of styles) {
    if (s.bold !== undefined) out.bold = s.bold;
    if (s.fontColor !== undefined) out.fontColor = hexColor(s.fontColor);
    if (s.input) {
      out.fill = INPUT_FILL;
      out.unlocked = true;
    }
    if (s.fill !== undefined) out.fill = hexColor(s.fill);
    if (s.wrap !== undefined) out.wrap = s.wrap;
    if (s.align !== undefined) out.align = s.align;
    if (s.numberFormat !== undefined) out.numberFormat = s.numberFormat;
  }
  return out;
}
