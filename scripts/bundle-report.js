// What the full pane's first load is made of, for `npm run check:bundles` (webpack.config.js adds
// this plugin to the production build of the full pane).
//
// The first load of an entry is its own scripts (what the loader adds to the page before the pane
// draws anything). Each script is attributed to the sources it was built from, byte by byte of the
// minified code, through the source map the minifier made (the way source-map-explorer does;
// webpack's own module sizes are those before tree-shaking and minifying: @fluentui/react-icons
// counts 1.9 MB there for the 2 KB of it that is bundled). The maps are used here and then dropped:
// dist/ gets no .map file. Written to dist/bundle-report.json:
//
//   { entries: { <entry>: { files: [..], raw, gzip, parts: [{ name, raw, gzip }] } } }
//
// parts: one per package (node_modules) or source file (ours), largest first; "(webpack)" is the
// runtime, the module wrappers and what has no source (JSON modules). Their gzip sizes are each
// part's code compressed alone, scaled so that they add up to the files' gzip size.
const zlib = require("zlib");
const { Compilation, sources } = require("webpack");

const REPORT_FILE = "bundle-report.json";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A source map's "mappings", decoded: per generated line, its segments [column, source index or -1]. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** What a source counts under: its package, or our own file (relative to the project). */
function partName(source) {
  if (source === undefined) return "(webpack)";
  const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(source);
  if (pkg) return pkg[1];
  const own = source.replace(/^webpack:\/\/[^/]*\//, "").replace(/^\.\//, "");
  return /^webpack\//.test(own) ? "(webpack)" : own;
}

/** The code of one minified script, split among the parts its source map names. */
function attribute(code, map, into) {
  const lines = code.split("\n");
  const decoded = decodeMappings(map.mappings);
  lines.forEach((text, i) => {
    const segments = decoded[i] || [];
    let from = 0;
    let owner = "(webpack)";
    for (const [column, source] of segments) {
      if (column > from) (into[owner] = into[owner] || []).push(text.slice(from, column));
      from = column;
      owner = source >= 0 ? partName(map.sources[source]) : "(webpack)";
    }
    (into[owner] = into[owner] || []).push(text.slice(from) + "\n");
  });
}

const gzipSize = (text) => zlib.gzipSync(text, { level: 9 }).length;

class BundleReport {
  /** entries: the entries whose first load is reported. */
  constructor(entries) {
    this.entries = entries;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleReport", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After the real content hashes are in the names, before anything copies the maps.
        { name: "BundleReport", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE - 1 },
        () => {
          const report = { entries: {} };
          for (const name of this.entries) {
            const entry = compilation.entrypoints.get(name);
            if (entry) report.entries[name] = this.firstLoad(compilation, entry);
          }
          for (const asset of compilation.getAssets()) {
            if (asset.name.endsWith(".map")) compilation.deleteAsset(asset.name);
          }
          compilation.emitAsset(REPORT_FILE, new sources.RawSource(JSON.stringify(report, null, 1)));
        }
      );
    });
  }

  firstLoad(compilation, entry) {
    const files = entry.getFiles().filter((file) => file.endsWith(".js"));
    const texts = {};
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const code = compilation.getAsset(file).source.source().toString();
      raw += Buffer.byteLength(code);
      gzip += gzipSize(code);
      const mapAsset = compilation.getAsset(file + ".map");
      if (mapAsset) attribute(code, JSON.parse(mapAsset.source.source().toString()), texts);
      else (texts["(webpack)"] = texts["(webpack)"] || []).push(code);
    }
    const parts = Object.keys(texts).map((name) => {
      const text = texts[name].join("");
      return { name, raw: Buffer.byteLength(text), gzip: gzipSize(text) };
    });
    const alone = parts.reduce((n, p) => n + p.gzip, 0);
    for (const part of parts) part.gzip = Math.round((part.gzip * gzip) / alone);
    parts.sort((a, b) => b.raw - a.raw);
    return { files, raw, gzip, parts };
  }
}

module.exports = { BundleReport, REPORT_FILE, attribute, decodeMappings, partName };
