/**
 * scripts/bundle-report.js: how `npm run check:bundles` learns what the full pane's first load is
 * made of — the minified code split among its sources through the minifier's source map. The
 * expected values are worked out by hand from the source-map format (Base64 VLQ: "A" 0, "C" +1,
 * "D" −1, "E" +2, "gB" +16; a segment's column is relative to the previous one on its line, its
 * source index to the previous segment's).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { attribute, decodeMappings, partName } = require("../../scripts/bundle-report.js") as {
  attribute(code: string, map: { sources: string[]; mappings: string }, into: Record<string, string[]>): void;
  decodeMappings(mappings: string): Array<Array<[number, number]>>;
  partName(source: string | undefined): string;
};

test("decodes the segments of each generated line: column and source index, -1 for none", () => {
  // Line 1: (0, source 0), then +2 columns, same source; line 2: column from 0, source +1;
  // line 3: +16 columns, source −1 (back to 0), then a segment with no source.
  expect(decodeMappings("AAAA,EAAA;ACAA;gBDAA,CAAA,E")).toEqual([
    [
      [0, 0],
      [2, 0],
    ],
    [[0, 1]],
    [
      [16, 0],
      [17, 0],
      [19, -1],
    ],
  ]);
});

test("names a part by its package, or by our own file", () => {
  expect(partName("webpack://ziping/main/node_modules/react-dom/cjs/react-dom-client.production.js")).toBe("react-dom");
  expect(partName("webpack://ziping/../main/node_modules/@fluentui/react-button/lib/index.js")).toBe(
    "@fluentui/react-button"
  );
  expect(partName("webpack://ziping/./src/taskpane/components/App.tsx")).toBe("src/taskpane/components/App.tsx");
  expect(partName("webpack://ziping/webpack/runtime/jsonp chunk loading")).toBe("(webpack)");
  expect(partName(undefined)).toBe("(webpack)");
});

test("splits the code among the sources, byte for byte, what has no source to (webpack)", () => {
  const into: Record<string, string[]> = {};
  // "ab" from react-dom (column 0, source 0), "cdef" from App.tsx (column 2, source +1); line 2:
  // "x" before any segment, then "yz" from a segment without a source.
  attribute(
    "abcdef\nxyz",
    {
      sources: ["webpack://ziping/node_modules/react-dom/index.js", "webpack://ziping/./src/taskpane/App.tsx"],
      mappings: "AAAA,ECAA;C",
    },
    into
  );
  expect(into).toEqual({ "react-dom": ["ab"], "src/taskpane/App.tsx": ["cdef\n"], "(webpack)": ["x", "yz\n"] });
});
