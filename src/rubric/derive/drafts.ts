/**
 * A draft criterion: what the grammar has read of one part of a rule before its points are settled
 * (allocate) and it becomes a Criterion. Shared by the reader (grammar.ts) and the productions that
 * read a rule's larger forms (productions.ts: tier ladders, stated per-part deductions, sections).
 */
import type { Criterion } from "../criteria/index";
import type { Bound } from "./clauses";

export type Kind = Criterion["kind"];

export interface Draft {
  kind: Kind;
  start: number;
  end: number;
  label?: string;
  points?: number;
  options?: { label: string; points: number }[];
  items?: { label: string; each: number }[];
  cap?: number;
  unit?: string;
  per?: number;
  maxDeduction?: number;
  basis?: string;
  metric?: { name: string; unit: string; bound: Bound };
  bonus?: boolean;
  requires?: Draft;
  requiresNote?: string;
  notes: string[];
  pending?: boolean;
  /** Points still to be set from what the text leaves: "rest" for a scoring part, "pending" for an unread one. */
  wants?: "rest" | "pending";
  /** 酌情扣分: a judged part within what is left, or the part before it. */
  discretion?: Draft | null;
  subject?: string;
  verb?: string;
  segment: number;
  sentence: number;
}

const statedPoints = (d: Draft): number => d.points ?? 0;

/**
 * The derive layer's registry: the most a draft of each kind can give (a gate none, an uncapped
 * perItem Infinity). The drafts become criteria in grammar.ts (toCriteria), whose switch over the
 * kinds returns a Criterion and so is checked by the compiler too.
 */
export const DRAFT_MAX: Record<Kind, (d: Draft) => number> = {
  flag: statedPoints,
  choice: (d) =>
    d.options && d.options.length
      ? Math.max.apply(
          null,
          d.options.map((o) => o.points)
        )
      : 0,
  threshold: statedPoints,
  perItem: (d) => (d.cap === undefined ? Infinity : d.cap),
  scaled: statedPoints,
  judged: statedPoints,
  deduction: statedPoints,
  gate: () => 0,
};

/** The most a draft can give (a gate none, an uncapped perItem Infinity). */
export function maxOf(d: Draft): number {
  return DRAFT_MAX[d.kind](d);
}
