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

/** The most a draft can give (a gate none, an uncapped perItem Infinity). */
export function maxOf(d: Draft): number {
  switch (d.kind) {
    case "choice":
      return d.options && d.options.length
        ? Math.max.apply(
            null,
            d.options.map((o) => o.points)
          )
        : 0;
    case "perItem":
      return d.cap === undefined ? Infinity : d.cap;
    case "gate":
      return 0;
    default:
      return d.points ?? 0;
  }
}
