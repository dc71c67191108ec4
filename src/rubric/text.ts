/**
 * Text helpers the core shares. The lite pane runs this code in IE11, so no
 * String.prototype.normalize and no Unicode property escapes: full-width forms are
 * mapped explicitly (CONTRACTS.md, "Code the lite pane will share").
 */

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;

/** Full-width ASCII forms (０-９, Ａ-Ｚ, ％, ．, （）…) to their half-width forms; ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) {
      out += String.fromCharCode(code - FULL_TO_HALF_OFFSET);
    } else if (code === 0x3000) {
      out += " ";
    } else {
      out += text.charAt(i);
    }
  }
  return out;
}

/** Formats a number of points the way the documents write them: 2, 0.5, 1.5 (no trailing zeros). */
export function formatPoints(points: number): string {
  return String(Math.round(points * 1000) / 1000);
}

/** Formats a fraction as a percentage to a tenth: 0.65 → "65%", 0.655 → "65.5%", 59/60 → "98.3%". */
export function formatPercent(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10) + "%";
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
