/**
 * A stateful fake of Office.js for Excel that offers ONLY the ExcelApi 1.1 surface: Excel 2016
 * (MSI), the oldest host the manifest admits. One plain script, no modules, so that it runs both in
 * a browser (playwright's `page.addInitScript`) and in node (`require` from jest).
 *
 * Usage
 *
 *   const fake = ZipingFakeExcel.install(globalThis, workbook, options);   // sets Office, Excel
 *   ...the add-in runs...
 *   fake.sheet("评分细则").cells.G4   // { value, type, formula?, numberFormat?, format? }
 *   fake.uninstall();
 *
 * In a browser: `await page.addInitScript({ path: ".../fakeExcel11.js" })`, then
 * `await page.addInitScript((wb) => ZipingFakeExcel.install(window, wb), workbook)`; the fake's
 * helpers are on `window.__zipingFakeExcel` for `page.evaluate`. Init scripts run on navigation
 * (`page.goto`), not on `page.setContent`. The pane's HTML also loads the real office.js from
 * Microsoft's CDN, which would replace these globals: block that request
 * (`page.route("**\/office.js", (r) => r.fulfill({ body: "" }))`).
 *
 * install(target, workbook, options) → fake
 *
 *   target    the global object (window, globalThis); gets Office, Excel, OfficeExtension and
 *             __zipingFakeExcel (the previous values come back with fake.uninstall()).
 *   workbook  { sheets: [sheet, …], activeSheet?: name }; a sheet is
 *               { name, visibility?: "Visible" | "Hidden" | "VeryHidden",
 *                 cells?: { "A1": cell, … },
 *                 values?, formulas?, numberFormats? }   (the project's Grid shape, from A1)
 *             A cell is a bare value (5, "text", true, { error: "#N/A" }, "=SUM(A1:A3)" — a bare
 *             string starting with "=" is a formula) or
 *               { value?, formula?: "=…", numberFormat?: "0%", type?: "Error",
 *                 format?: { fill, bold, italic, color, name, size, underline,
 *                            horizontalAlignment, verticalAlignment, wrapText } }
 *             In the object form `value` is always the value (a formula's cached result, or text
 *             that starts with "="). In the Grid form null is a blank, { error } an error.
 *             No sheets: one blank "Sheet1", as Excel always has one.
 *   options   { responseCellLimit?: number   cells a sync may load (values, formulas, …) before it
 *                                              fails with ResponsePayloadSizeLimitExceeded
 *                                              (default: no limit; Excel on the web's 5 MB);
 *               onSync?: (fake) => void        called at each sync, before it runs;
 *               displayLanguage?: "zh-CN";  officeTheme?: { bodyBackgroundColor, … } }
 *
 * The fake (returned, and on target.__zipingFakeExcel):
 *   syncs()                 context.sync() calls so far (all contexts), plus Excel.run's final
 *                           flush when the batch left commands queued (real Excel.run does one)
 *   calls()                 every method call and property write, in order: "Excel.run",
 *                           "WorksheetCollection.getItem 评分细则", "Range.select 评分细则!G14",
 *                           "Range.formulas= 自评依据!A1:D40", "Range.load 评分细则!(used range)
 *                           rowIndex,…", "RequestContext.sync", …
 *   absent()                members of later requirement sets the code under test touched, e.g.
 *                           "Range.dataValidation (ExcelApi 1.8)" (they read as undefined, so a
 *                           call or a nested write throws a TypeError; a direct write throws one)
 *   selection()             { sheet, address: "G14" } — the active sheet and its selected range
 *   active()                the active sheet's name
 *   sheets()                sheet names in tab order
 *   sheet(name)             { name, visibility, position, cells: { "A1": { value, type, formula?,
 *                           numberFormat?, format? } } } — a copy; undefined if there is none
 *   toGrids()               every sheet as the project's Grid ({ sheet, values, formulas,
 *                           numberFormats, merges: [] }), blanks null, errors { error }
 *   setValue(sheet, address, value)   a person typing: value (or a 2-D array for a range) is
 *                           parsed as Excel parses typed input; replaces a formula
 *   setResult(sheet, address, value)  the cached result of formula cells (there is no calc engine)
 *   setVisibility(sheet, visibility)  a person hiding or showing a sheet
 *   failNextSync(code | error, message?)   the next sync rejects with that Office error, nothing
 *                           of its batch applied (e.g. "InvalidOperationInCellEditMode")
 *   uninstall()
 *
 * What is modelled, as real Office.js does it
 * - Proxy objects: a property read before `load` of it and a following `context.sync()` throws an
 *   OfficeExtension.Error with code "PropertyNotLoaded" and Office's own message ("The property
 *   'values' is not available. Before reading the property's value, call the load method …"). A
 *   property the add-in wrote reads back as written (office.js keeps it locally).
 * - Commands are queued and run at `context.sync()`, in order, against the workbook: a load sees
 *   the writes queued before it, not those after. A command that fails (ItemNotFound for a sheet
 *   `getItem` could not find, ItemAlreadyExists from `add`, InvalidArgument …) rejects the sync
 *   with { code, message }; the commands before it stay applied, the rest are dropped, and nothing
 *   that sync loaded is delivered.
 * - `load` takes "a,b", ["a", "b"], "format/fill/color", { select, expand } or { values: true,
 *   format: { font: { bold: true } } }; on a collection "items/name" (or "name"). No argument:
 *   every scalar property. A property the 1.1 object lacks fails the sync with InvalidArgument.
 * - Writes are parsed as Excel parses input: a string starting with "=" is a formula; "'" makes
 *   the rest text; "1.5", "1,234", "50%" (with format "0%") become numbers, "TRUE"/"FALSE"
 *   booleans, "#N/A" etc. errors; "" clears the contents; null in an array leaves the cell as it
 *   is. Arrays must match the range's size (else InvalidArgument); a single value fills the range.
 *   Whether written through `values` or `formulas`, the result is the same, as in Excel.
 * - Formats: fill colour (no fill reads "#FFFFFF"), font bold/italic/color/name/size/underline,
 *   horizontal and vertical alignment, wrapText, number format; a range whose cells differ reads
 *   null. Colours are stored "#RRGGBB" (upper case); a few colour names are understood.
 * - getUsedRange(): the smallest rectangle holding every cell with a value, a formula, a number
 *   format other than General or a format — from its first used cell, not from A1, like Excel; a
 *   blank sheet gives A1. Any valuesOnly argument is ignored (it arrives in ExcelApi 1.2).
 *   Unlike Excel, it is never stale: a cleared cell stops counting at once.
 * - values/valueTypes as Excel gives them: "" and "Empty" for blanks, "Double" for every number,
 *   "String", "Boolean", "Error" (the value is the error text). `formulas` gives a cell's formula,
 *   else its value. `text`: numbers through the simple formats only (General, 0, 0.00, 0.##, 0%,
 *   0.0%), TRUE/FALSE, the error text.
 * - select() makes the range the selection and its sheet active; activate() makes a sheet active
 *   (each sheet keeps its own selection, A1 at first). A hidden sheet can be neither
 *   (InvalidOperation), nor can the last visible sheet be deleted or a VeryHidden one.
 * - Sheet names: unique ignoring case, 1–31 characters, none of []:*?/\ (else InvalidArgument).
 * - Office.context.requirements.isSetSupported("ExcelApi", v) is true for v ≤ 1.1 only.
 * - Excel.run(batch) rejects with RunMustReturnPromise when batch returns no promise, and flushes
 *   what is still queued when the batch resolves, as office.js does. Excel.run(object, batch)
 *   reuses that object's context.
 *
 * What is not
 * - No calculation engine: a cell written with a formula keeps the formula and its value reads ""
 *   (valueTypes "Empty"), unless the workbook gave a cached value or setResult sets one.
 * - No merges (ExcelApi 1.2 to write, 1.13 to read), validations, conditional formats, hyperlinks,
 *   freeze panes, events, protection, column widths: all later sets, all absent.
 * - ExcelApi 1.1 members that Ziping does not use are left out: bindings, names, tables, charts,
 *   borders, Range.insert/delete (present, but they throw "not modelled"). Ranges of more than
 *   5 000 000 cells cannot be loaded, nor more than 1 000 000 cells formatted, in one command (a
 *   limit of this fake). formulasLocal is formulas (en-US); addressLocal is address.
 * - Objects are not bound to a context's lifetime: an object used after its Excel.run still works.
 */
/* global module, globalThis */
(function (root) {
  "use strict";
  // Taken when the script loads: a test that removes what IE11 lacks (Proxy, Reflect …) from the
  // page afterwards still gets a working fake; the add-in's code never sees these.
  var NativeProxy = root.Proxy;
  var NativeReflect = root.Reflect;

  var MAX_ROWS = 1048576;
  var MAX_COLS = 16384;
  /** Cells one command may load or write (a limit of this fake, far beyond any test). */
  var LOAD_CELL_CAP = 5000000;
  var FORMAT_CELL_CAP = 1000000;

  var ERROR_TEXTS = [
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
  ];
  var H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
  var V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
  var UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];
  var CLEAR_APPLY_TO = ["All", "Formats", "Contents"];
  var CALCULATION_TYPES = ["Recalculate", "Full", "FullRebuild"];
  var DEFAULT_FORMAT = {
    fill: null,
    bold: false,
    italic: false,
    color: "#000000",
    name: "等线",
    size: 11,
    underline: "None",
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
  };
  var FORMAT_KEYS = Object.keys(DEFAULT_FORMAT);
  var NAMED_COLORS = {
    black: "#000000",
    white: "#FFFFFF",
    red: "#FF0000",
    green: "#008000",
    blue: "#0000FF",
    yellow: "#FFFF00",
    orange: "#FFA500",
    purple: "#800080",
    gray: "#808080",
    grey: "#808080",
  };

  /**
   * Members that Office.js has in later requirement sets, by object: reading one gives undefined
   * and is noted in fake.absent(); writing one throws a TypeError. (A list of the likely ones, not
   * every later member: any other name is absent too.)
   */
  var LATER = {
    RequestContext: { runtime: "1.5" },
    Workbook: {
      getActiveCell: "1.7",
      getSelectedRanges: "1.9",
      functions: "1.2",
      settings: "1.4",
      customXmlParts: "1.5",
      pivotTables: "1.3",
      properties: "1.7",
      protection: "1.7",
      styles: "1.7",
      name: "1.7",
      readOnly: "1.8",
      onSelectionChanged: "1.7",
      comments: "1.10",
      slicers: "1.10",
    },
    Application: {
      suspendApiCalculationUntilNextSync: "1.6",
      suspendScreenUpdatingUntilNextSync: "1.9",
      calculationEngineVersion: "1.9",
      iterativeCalculation: "1.9",
      cultureInfo: "1.11",
      decimalSeparator: "1.11",
    },
    WorksheetCollection: {
      getItemOrNullObject: "1.4",
      getCount: "1.4",
      getFirst: "1.5",
      getLast: "1.5",
      onActivated: "1.7",
      onDeactivated: "1.7",
      onAdded: "1.7",
      onDeleted: "1.7",
      onCalculated: "1.8",
      onChanged: "1.9",
      onSelectionChanged: "1.9",
      addFromBase64: "1.13",
    },
    Worksheet: {
      getUsedRangeOrNullObject: "1.4",
      getRangeByIndexes: "1.7",
      getRanges: "1.9",
      freezePanes: "1.7",
      protection: "1.2",
      onChanged: "1.7",
      onActivated: "1.7",
      onDeactivated: "1.7",
      onSelectionChanged: "1.7",
      onCalculated: "1.8",
      tabColor: "1.7",
      standardWidth: "1.7",
      standardHeight: "1.7",
      showGridlines: "1.8",
      showHeadings: "1.8",
      names: "1.4",
      pivotTables: "1.3",
      autoFilter: "1.9",
      calculate: "1.6",
      copy: "1.10",
      comments: "1.10",
      shapes: "1.9",
      enableCalculation: "1.9",
    },
    Range: {
      dataValidation: "1.8",
      conditionalFormats: "1.6",
      hyperlink: "1.7",
      merge: "1.2",
      unmerge: "1.2",
      getMergedAreasOrNullObject: "1.13",
      getUsedRange: "1.2",
      getUsedRangeOrNullObject: "1.4",
      getIntersectionOrNullObject: "1.4",
      getVisibleView: "1.3",
      formulasR1C1: "1.2",
      hidden: "1.2",
      rowHidden: "1.2",
      columnHidden: "1.2",
      sort: "1.2",
      style: "1.7",
      numberFormatLocal: "1.7",
      isEntireColumn: "1.7",
      isEntireRow: "1.7",
      getResizedRange: "1.7",
      getAbsoluteResizedRange: "1.7",
      getSurroundingRegion: "1.7",
      getCellProperties: "1.9",
      setCellProperties: "1.9",
      find: "1.9",
      autoFill: "1.9",
      copyFrom: "1.9",
      removeDuplicates: "1.9",
      calculate: "1.6",
      showCard: "1.7",
      getImage: "1.7",
      valuesAsJson: "1.16",
    },
    RangeFormat: {
      columnWidth: "1.2",
      rowHeight: "1.2",
      protection: "1.2",
      autofitColumns: "1.2",
      autofitRows: "1.2",
      textOrientation: "1.7",
      useStandardHeight: "1.7",
      useStandardWidth: "1.7",
      indentLevel: "1.9",
      shrinkToFit: "1.9",
      readingOrder: "1.9",
      autoIndent: "1.9",
    },
    RangeFill: { pattern: "1.9", patternColor: "1.9", tintAndShade: "1.9" },
    RangeFont: { strikethrough: "1.9", subscript: "1.9", superscript: "1.9", tintAndShade: "1.9" },
  };

  /** Read-only in 1.1 but settable later: said in the TypeError. */
  var SET_LATER = {
    "Worksheet.visibility": "1.2",
    "Application.calculationMode": "1.8",
  };

  // --- errors ------------------------------------------------------------------------------------

  /** OfficeExtension.Error's shape: name "RichApi.Error", code, message, debugInfo. */
  function OfficeError(code, message, location) {
    var e = new Error(message);
    Object.setPrototypeOf(e, OfficeError.prototype);
    e.name = "RichApi.Error";
    e.code = code;
    e.debugInfo = { code: code, message: message, errorLocation: location };
    e.traceMessages = [];
    e.innerError = null;
    return e;
  }
  OfficeError.prototype = Object.create(Error.prototype, {
    constructor: { value: OfficeError, writable: true, configurable: true },
  });

  function notLoaded(type, property) {
    return OfficeError(
      "PropertyNotLoaded",
      "The property '" +
        property +
        "' is not available. Before reading the property's value, call the load method on the containing object" +
        ' and call "context.sync()" on the associated request context.',
      type + "." + property
    );
  }

  function invalidArgument(message, location) {
    return OfficeError(
      "InvalidArgument",
      message || "The argument is invalid or missing or has an incorrect format.",
      location
    );
  }

  function itemNotFound(location) {
    return OfficeError("ItemNotFound", "The requested resource doesn't exist.", location);
  }

  function invalidOperation(message, location) {
    return OfficeError(
      "InvalidOperation",
      message || "This operation is not permitted for the current object.",
      location
    );
  }

  // --- A1 addresses ------------------------------------------------------------------------------

  function colLetters(c) {
    var s = "";
    for (var n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }

  function colIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n - 1;
  }

  function a1(row, col) {
    return colLetters(col) + (row + 1);
  }

  function parsePart(p) {
    var m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) {
      var col = colIndex(m[1]);
      var row = Number(m[2]) - 1;
      return col < MAX_COLS && row >= 0 && row < MAX_ROWS ? { kind: "cell", row: row, col: col } : null;
    }
    if (/^[A-Z]{1,3}$/.test(p)) {
      var c = colIndex(p);
      return c < MAX_COLS ? { kind: "col", col: c } : null;
    }
    if (/^\d{1,7}$/.test(p)) {
      var r = Number(p) - 1;
      return r >= 0 && r < MAX_ROWS ? { kind: "row", row: r } : null;
    }
    return null;
  }

  function area(top, left, bottom, right) {
    return {
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    };
  }

  /** "B3", "$B$3:D9", "A:C", "2:5" → an area; null when it is none of those. */
  function parseArea(text) {
    if (typeof text !== "string") return null;
    var parts = text.replace(/\$/g, "").trim().toUpperCase().split(":");
    if (parts.length > 2 || !parts[0]) return null;
    var s = parsePart(parts[0]);
    var e = parts.length === 2 ? parsePart(parts[1]) : s;
    if (!s || !e || s.kind !== e.kind) return null;
    if (s.kind === "cell") return area(s.row, s.col, e.row, e.col);
    if (parts.length === 1) return null;
    if (s.kind === "col") return area(0, s.col, MAX_ROWS - 1, e.col);
    return area(s.row, 0, e.row, MAX_COLS - 1);
  }

  function areaAddress(a) {
    var wholeColumns = a.top === 0 && a.bottom === MAX_ROWS - 1;
    var wholeRows = a.left === 0 && a.right === MAX_COLS - 1;
    if (wholeRows) return a.top + 1 + ":" + (a.bottom + 1);
    if (wholeColumns) return colLetters(a.left) + ":" + colLetters(a.right);
    var start = a1(a.top, a.left);
    return a.top === a.bottom && a.left === a.right ? start : start + ":" + a1(a.bottom, a.right);
  }

  /** A sheet name as Excel writes it before "!": quoted unless it is letters, digits, _ and . only. */
  function sheetPrefix(name) {
    var plain =
      /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(name) &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^[Rr]\d*[Cc]\d*$/.test(name) &&
      !/[\u3000\uFF01-\uFF0F]/.test(name);
    return plain ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  function cellCountOf(a) {
    return (a.bottom - a.top + 1) * (a.right - a.left + 1);
  }

  function contains(a, row, col) {
    return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
  }

  // --- cells -------------------------------------------------------------------------------------

  function key(row, col) {
    return row * MAX_COLS + col;
  }

  function rowOf(k) {
    return Math.floor(k / MAX_COLS);
  }

  function colOf(k) {
    return k % MAX_COLS;
  }

  function newCell() {
    return { value: "", type: "Empty", formula: null, nf: "General", fmt: null };
  }

  function isUsed(cell) {
    return cell.type !== "Empty" || cell.formula !== null || cell.nf !== "General" || cell.fmt !== null;
  }

  function tidy(sheet, k) {
    var cell = sheet.cells.get(k);
    if (cell && !isUsed(cell)) sheet.cells.delete(k);
  }

  function ensureCell(sheet, row, col) {
    var k = key(row, col);
    var cell = sheet.cells.get(k);
    if (!cell) {
      cell = newCell();
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  function valueOf(cell) {
    return !cell || cell.type === "Empty" ? "" : cell.value;
  }

  function formulaOf(cell) {
    return cell && cell.formula !== null ? cell.formula : valueOf(cell);
  }

  function typeOf(cell) {
    return cell ? cell.type : "Empty";
  }

  function decimalsOf(nf) {
    var m = /\.([0#]+)/.exec(nf);
    return m ? m[1] : "";
  }

  function fixed(n, decimals) {
    var required = decimals.replace(/#/g, "").length;
    var s = n.toFixed(decimals.length);
    if (decimals.length > required && s.indexOf(".") >= 0) {
      var keep = s.length - (decimals.length - required);
      while (s.length > keep && s.charAt(s.length - 1) === "0") s = s.slice(0, -1);
      if (s.charAt(s.length - 1) === ".") s = s.slice(0, -1);
    }
    return s;
  }

  function general(n) {
    if (Number.isInteger(n)) return String(n);
    return String(parseFloat(n.toPrecision(10)));
  }

  /** The displayed text of a number under the simple formats (no dates, currencies, sections). */
  function formatNumber(n, nf) {
    if (!nf || nf === "General" || nf === "@") return general(n);
    if (/^0(\.[0#]+)?%$/.test(nf)) return fixed(n * 100, decimalsOf(nf)) + "%";
    if (/^[0#](\.[0#]+)?$/.test(nf)) return fixed(n, decimalsOf(nf));
    return general(n);
  }

  function textOf(cell) {
    if (!cell || cell.type === "Empty") return "";
    if (cell.type === "Double") return formatNumber(cell.value, cell.nf);
    if (cell.type === "Boolean") return cell.value ? "TRUE" : "FALSE";
    return String(cell.value);
  }

  function parseNumber(text) {
    var t = text.trim();
    var percent = false;
    if (/%$/.test(t)) {
      percent = true;
      t = t.slice(0, -1).trim();
    }
    if (!/\d/.test(t) || !/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return null;
    var n = Number(t.replace(/,/g, ""));
    if (!isFinite(n)) return null;
    if (!percent) return { value: n, nf: null };
    var decimals = (t.split(".")[1] || "").replace(/[eE].*$/, "").length;
    return { value: n / 100, nf: decimals ? "0." + new Array(decimals + 1).join("0") + "%" : "0%" };
  }

  /**
   * What Excel makes of one entry assigned to `values` or `formulas` (or typed): null = leave the
   * cell as it is; { clear } = empty it; else its new content.
   */
  function parseInput(v, location) {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") {
      if (!isFinite(v))
        throw invalidArgument("The argument is invalid or missing or has an incorrect format.", location);
      return { value: v, type: "Double", formula: null };
    }
    if (typeof v === "boolean") return { value: v, type: "Boolean", formula: null };
    if (typeof v !== "string")
      throw invalidArgument("Cells take numbers, strings and booleans, not " + typeof v, location);
    if (v === "" || v === "'") return { clear: true };
    if (v.charAt(0) === "'") return { value: v.slice(1), type: "String", formula: null };
    if (v.charAt(0) === "=" && v.length > 1) return { value: "", type: "Empty", formula: v };
    var n = parseNumber(v);
    if (n) return { value: n.value, type: "Double", formula: null, nf: n.nf };
    if (/^\s*true\s*$/i.test(v)) return { value: true, type: "Boolean", formula: null };
    if (/^\s*false\s*$/i.test(v)) return { value: false, type: "Boolean", formula: null };
    var upper = v.trim().toUpperCase();
    if (ERROR_TEXTS.indexOf(upper) >= 0) return { value: upper, type: "Error", formula: null };
    if (/^[+-]./.test(v)) return { value: "", type: "Empty", formula: "=" + v };
    return { value: v, type: "String", formula: null };
  }

  function applyInput(sheet, row, col, parsed) {
    if (parsed === null) return;
    var k = key(row, col);
    if (parsed.clear) {
      var old = sheet.cells.get(k);
      if (old) {
        old.value = "";
        old.type = "Empty";
        old.formula = null;
        tidy(sheet, k);
      }
      return;
    }
    var cell = ensureCell(sheet, row, col);
    cell.value = parsed.value;
    cell.type = parsed.type;
    cell.formula = parsed.formula;
    if (parsed.nf && cell.nf === "General") cell.nf = parsed.nf;
  }

  /** A cached or given value as Excel holds it: { value, type }. */
  function storedValue(v) {
    if (v === null || v === undefined || v === "") return { value: "", type: "Empty" };
    if (typeof v === "object" && typeof v.error === "string") return { value: v.error, type: "Error" };
    if (typeof v === "number") return { value: v, type: "Double" };
    if (typeof v === "boolean") return { value: v, type: "Boolean" };
    return { value: String(v), type: "String" };
  }

  function normColor(v, location) {
    if (typeof v !== "string") throw invalidArgument("A colour is a string such as #FFF2CC.", location);
    var t = v.trim();
    if (NAMED_COLORS[t.toLowerCase()]) return NAMED_COLORS[t.toLowerCase()];
    var m = /^#?([0-9a-fA-F]{6})$/.exec(t);
    if (m) return "#" + m[1].toUpperCase();
    m = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(t);
    if (m) return ("#" + m[1] + m[1] + m[2] + m[2] + m[3] + m[3]).toUpperCase();
    throw invalidArgument("Unknown colour: " + v, location);
  }

  function checkFormat(prop, v, location) {
    switch (prop) {
      case "fill":
      case "color":
        return normColor(v, location);
      case "bold":
      case "italic":
      case "wrapText":
        if (typeof v !== "boolean") throw invalidArgument(prop + " takes true or false.", location);
        return v;
      case "size":
        if (typeof v !== "number" || !(v >= 1 && v <= 409)) throw invalidArgument("Font size 1–409.", location);
        return v;
      case "name":
        if (typeof v !== "string" || !v) throw invalidArgument("A font name.", location);
        return v;
      case "underline":
        if (UNDERLINE.indexOf(v) < 0) throw invalidArgument("Unknown underline: " + v, location);
        return v;
      case "horizontalAlignment":
        if (H_ALIGN.indexOf(v) < 0) throw invalidArgument("Unknown horizontal alignment: " + v, location);
        return v;
      case "verticalAlignment":
        if (V_ALIGN.indexOf(v) < 0) throw invalidArgument("Unknown vertical alignment: " + v, location);
        return v;
      default:
        throw invalidArgument("Unknown format " + prop, location);
    }
  }

  function isDefaultFormat(fmt) {
    return FORMAT_KEYS.every(function (k) {
      return fmt[k] === DEFAULT_FORMAT[k];
    });
  }

  function setFormat(sheet, a, prop, value) {
    if (cellCountOf(a) > FORMAT_CELL_CAP)
      throw OfficeError("RangeExceedsLimit", "This fake formats at most " + FORMAT_CELL_CAP + " cells per command.");
    for (var r = a.top; r <= a.bottom; r++) {
      for (var c = a.left; c <= a.right; c++) {
        var cell = ensureCell(sheet, r, c);
        var fmt = cell.fmt || Object.assign({}, DEFAULT_FORMAT);
        fmt[prop] = value;
        cell.fmt = isDefaultFormat(fmt) ? null : fmt;
        tidy(sheet, key(r, c));
      }
    }
  }

  /** Every existing cell of a sheet inside an area: fn(cell, key). */
  function eachCellIn(sheet, a, fn) {
    var list = [];
    sheet.cells.forEach(function (cell, k) {
      if (contains(a, rowOf(k), colOf(k))) list.push([cell, k]);
    });
    list.forEach(function (pair) {
      fn(pair[0], pair[1]);
    });
    return list.length;
  }

  /** A format property of a range: its value when every cell agrees, else null (as Excel). */
  function uniformFormat(sheet, a, get) {
    var first;
    var seen = false;
    var mixed = false;
    var note = function (v) {
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) mixed = true;
    };
    var n = eachCellIn(sheet, a, function (cell) {
      note(get(cell.fmt || DEFAULT_FORMAT));
    });
    if (n < cellCountOf(a)) note(get(DEFAULT_FORMAT));
    return mixed ? null : first;
  }

  function usedArea(sheet) {
    var top = Infinity;
    var left = Infinity;
    var bottom = -1;
    var right = -1;
    sheet.cells.forEach(function (cell, k) {
      if (!isUsed(cell)) return;
      var r = rowOf(k);
      var c = colOf(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
    return bottom < 0 ? area(0, 0, 0, 0) : area(top, left, bottom, right);
  }

  function checkSheetName(name, location) {
    if (
      typeof name !== "string" ||
      name.length < 1 ||
      name.length > 31 ||
      /[[\]:*?/\\]/.test(name) ||
      /^'|'$/.test(name)
    )
      throw invalidArgument("The sheet name is not valid: " + String(name), location);
  }

  function findSheet(state, nameOrId) {
    var lower = String(nameOrId).toLowerCase();
    for (var i = 0; i < state.sheets.length; i++) {
      var s = state.sheets[i];
      if (s.name.toLowerCase() === lower || s.id === nameOrId) return s;
    }
    return undefined;
  }

  // --- the workbook given to install ------------------------------------------------------------------

  function setSpecCell(sheet, row, col, spec, location) {
    var objectForm =
      spec !== null && typeof spec === "object" && !Array.isArray(spec) && typeof spec.error !== "string";
    var c = objectForm ? spec : { value: spec };
    var value = c.value;
    var formula = c.formula;
    if (!objectForm && typeof value === "string" && value.charAt(0) === "=" && value.length > 1) {
      formula = value;
      value = undefined;
    }
    var cell = newCell();
    var stored = storedValue(value);
    if (c.type === "Error" && stored.type === "String") stored.type = "Error";
    cell.value = stored.value;
    cell.type = stored.type;
    if (typeof formula === "string" && formula) cell.formula = formula.charAt(0) === "=" ? formula : "=" + formula;
    if (typeof c.numberFormat === "string" && c.numberFormat) cell.nf = c.numberFormat;
    if (c.format) {
      var fmt = Object.assign({}, DEFAULT_FORMAT);
      Object.keys(c.format).forEach(function (k) {
        fmt[k] = checkFormat(k, c.format[k], location);
      });
      cell.fmt = isDefaultFormat(fmt) ? null : fmt;
    }
    if (isUsed(cell)) sheet.cells.set(key(row, col), cell);
  }

  var sheetIds = 0;

  function newSheet(name, visibility) {
    sheetIds++;
    var hex = ("0000" + sheetIds.toString(16).toUpperCase()).slice(-4);
    return {
      id: "{00000000-" + hex + "-0000-C000-000000000046}",
      name: name,
      visibility: visibility || "Visible",
      cells: new Map(),
      sel: area(0, 0, 0, 0),
      deleted: false,
    };
  }

  function loadWorkbook(workbook) {
    var specs = (workbook && workbook.sheets) || [];
    var state = { sheets: [], active: null };
    specs.forEach(function (spec) {
      checkSheetName(spec.name, "install");
      if (findSheet(state, spec.name)) throw new Error("fakeExcel11: two sheets named " + spec.name);
      var visibility = spec.visibility || "Visible";
      if (["Visible", "Hidden", "VeryHidden"].indexOf(visibility) < 0)
        throw new Error("fakeExcel11: visibility " + visibility);
      var sheet = newSheet(spec.name, visibility);
      var rows = Math.max((spec.values || []).length, (spec.formulas || []).length, (spec.numberFormats || []).length);
      for (var r = 0; r < rows; r++) {
        var vr = (spec.values && spec.values[r]) || [];
        var fr = (spec.formulas && spec.formulas[r]) || [];
        var nr = (spec.numberFormats && spec.numberFormats[r]) || [];
        var cols = Math.max(vr.length, fr.length, nr.length);
        for (var c = 0; c < cols; c++) {
          var f = fr[c];
          var nf = nr[c];
          setSpecCell(
            sheet,
            r,
            c,
            {
              value: vr[c],
              formula: typeof f === "string" && f ? f : undefined,
              numberFormat: typeof nf === "string" && nf !== "General" ? nf : undefined,
            },
            spec.name + "!" + a1(r, c)
          );
        }
      }
      Object.keys(spec.cells || {}).forEach(function (address) {
        var p = parsePart(address.replace(/\$/g, "").toUpperCase());
        if (!p || p.kind !== "cell") throw new Error("fakeExcel11: not a cell address: " + address);
        setSpecCell(sheet, p.row, p.col, spec.cells[address], spec.name + "!" + address);
      });
      state.sheets.push(sheet);
    });
    if (!state.sheets.length) state.sheets.push(newSheet("Sheet1"));
    var active = workbook && workbook.activeSheet ? findSheet(state, workbook.activeSheet) : undefined;
    state.active =
      active ||
      state.sheets.filter(function (s) {
        return s.visibility === "Visible";
      })[0] ||
      state.sheets[0];
    return state;
  }

  // --- proxy objects ------------------------------------------------------------------------------

  /** Each proxy's internals (resolve, fields, loads), for the objects that refer to others. */
  var INTERNAL = new WeakMap();
  var CONTEXTS = new WeakMap();

  function copy(v) {
    return Array.isArray(v) ? v.map(copy) : v;
  }

  function descriptorOf(obj, p) {
    for (var o = obj; o; o = Object.getPrototypeOf(o)) {
      var d = Object.getOwnPropertyDescriptor(o, p);
      if (d) return d;
    }
    return undefined;
  }

  /**
   * The object the add-in holds: members of ExcelApi 1.1 only. Reading any other member gives
   * undefined (noted when it is a later set's); writing one, or a read-only one, throws TypeError.
   */
  function guard(obj, type, fake) {
    Object.preventExtensions(obj);
    return new NativeProxy(obj, {
      get: function (t, p, receiver) {
        if (typeof p === "string" && !(p in t) && LATER[type] && LATER[type][p])
          fake.noteAbsent(type + "." + p + " (ExcelApi " + LATER[type][p] + ")");
        return NativeReflect.get(t, p, receiver);
      },
      set: function (t, p, v) {
        var d = descriptorOf(t, p);
        var name = type + "." + String(p);
        if (!d) {
          var later = LATER[type] && LATER[type][p];
          if (later) fake.noteAbsent(name + " (ExcelApi " + later + ")");
          throw new TypeError(
            "Cannot set " +
              name +
              ": " +
              (later ? "it needs ExcelApi " + later : "no such member") +
              "; this Excel offers ExcelApi 1.1 only"
          );
        }
        if (d.set) {
          d.set.call(t, v);
          return true;
        }
        if (d.writable) {
          t[p] = v;
          return true;
        }
        var setLater = SET_LATER[name];
        throw new TypeError(
          "Cannot set " +
            name +
            ": it is read-only" +
            (setLater ? " in ExcelApi 1.1 (setting it needs ExcelApi " + setLater + ")" : "")
        );
      },
      defineProperty: function () {
        throw new TypeError("Cannot define a property on an Office.js object (" + type + ")");
      },
      deleteProperty: function (t, p) {
        throw new TypeError("Cannot delete " + type + "." + String(p));
      },
    });
  }

  /** Resolves once per sync, as Excel instantiates an object path once per request. */
  function perRun(fn) {
    var id = -1;
    var value;
    var error;
    var failed = false;
    return function (run) {
      if (run.id !== id) {
        id = run.id;
        failed = false;
        try {
          value = fn(run);
        } catch (e) {
          failed = true;
          error = e;
        }
      }
      if (failed) throw error;
      return value;
    };
  }

  /** "a,b", ["a", "format/fill"], { select, expand }, { values: true, format: { … } } → paths. */
  function loadPaths(option) {
    if (option === undefined || option === null) return [];
    if (typeof option === "string")
      return option
        .split(",")
        .map(function (s) {
          return s.trim();
        })
        .filter(Boolean);
    if (Array.isArray(option))
      return option.reduce(function (all, o) {
        return all.concat(loadPaths(o));
      }, []);
    if (typeof option === "object") {
      if ("select" in option || "expand" in option) return loadPaths(option.select).concat(loadPaths(option.expand));
      var out = [];
      Object.keys(option).forEach(function (k) {
        var v = option[k];
        if (k === "$all" && v) out.push("*");
        else if (v === true) out.push(k);
        else if (v && typeof v === "object")
          loadPaths(v).forEach(function (p) {
            out.push(k + "/" + p);
          });
      });
      return out;
    }
    return [];
  }

  /**
   * One proxy object. def: { scalars: { name: { get(target, run), set?(target, value, run) } },
   * navs: { name: (self) => child proxy }, methods: (self) => { name: fn }, queueLoad?(paths, self) }.
   * resolve(run) → the target in the workbook state (throws ItemNotFound etc. at sync).
   */
  function clientObject(ctx, type, describe, resolve, def) {
    var fake = ctx.fake;
    var fields = Object.create(null);
    var navCache = Object.create(null);
    var scalars = def.scalars || {};
    var navs = def.navs || {};
    var obj = {};
    var self = {
      type: type,
      ctx: ctx,
      describe: describe,
      resolve: perRun(resolve),
      fields: fields,
      loadedOnce: false,
      proxy: null,
      queue: function (desc, run) {
        ctx.queue.push({ desc: desc, run: run });
      },
      queueLoad: function (paths) {
        if (def.queueLoad) return def.queueLoad(paths, self);
        var names = [];
        var sub = Object.create(null);
        var bad = [];
        var all = !paths.length;
        paths.forEach(function (path) {
          var i = path.indexOf("/");
          var head = i < 0 ? path : path.slice(0, i);
          var rest = i < 0 ? "" : path.slice(i + 1);
          if (head === "*") all = true;
          else if (scalars[head] && !rest) names.push(head);
          else if (navs[head]) (sub[head] = sub[head] || []).push(rest);
          else bad.push(head);
        });
        if (all) names = Object.keys(scalars);
        if (bad.length) {
          bad.forEach(function (b) {
            if (LATER[type] && LATER[type][b]) fake.noteAbsent(type + "." + b + " (ExcelApi " + LATER[type][b] + ")");
          });
          self.queue("load", function () {
            throw invalidArgument(
              "The property '" + bad[0] + "' is not part of " + type + " in ExcelApi 1.1.",
              type + "." + bad[0]
            );
          });
        }
        if (names.length) {
          self.queue("load", function (run) {
            var target = self.resolve(run);
            var values = {};
            names.forEach(function (n) {
              values[n] = copy(scalars[n].get(target, run));
            });
            return function () {
              Object.keys(values).forEach(function (n) {
                fields[n] = values[n];
              });
              self.loadedOnce = true;
            };
          });
        } else if (!Object.keys(sub).length && !bad.length) {
          self.queue("load", function (run) {
            self.resolve(run);
            return function () {
              self.loadedOnce = true;
            };
          });
        }
        Object.keys(sub).forEach(function (n) {
          var child = INTERNAL.get(self.proxy[n]);
          child.queueLoad(
            sub[n].indexOf("") >= 0
              ? []
              : sub[n].filter(function (p) {
                  return p;
                })
          );
        });
      },
    };

    Object.keys(scalars).forEach(function (p) {
      var d = scalars[p];
      var descriptor = {
        enumerable: false,
        configurable: false,
        get: function () {
          if (!(p in fields)) throw notLoaded(type, p);
          return fields[p];
        },
      };
      if (d.set)
        descriptor.set = function (v) {
          fields[p] = v;
          fake.log(type + "." + p + "= " + describe());
          self.queue(type + "." + p + "=", function (run) {
            d.set(self.resolve(run), v, run, type + "." + p);
          });
        };
      Object.defineProperty(obj, p, descriptor);
    });
    Object.keys(navs).forEach(function (p) {
      Object.defineProperty(obj, p, {
        enumerable: false,
        configurable: false,
        get: function () {
          if (!navCache[p]) navCache[p] = navs[p](self);
          return navCache[p];
        },
      });
    });
    var accessors = def.accessors ? def.accessors(self) : {};
    Object.keys(accessors).forEach(function (p) {
      Object.defineProperty(obj, p, { enumerable: false, configurable: false, get: accessors[p] });
    });
    var methods = def.methods ? def.methods(self) : {};
    Object.keys(methods).forEach(function (m) {
      Object.defineProperty(obj, m, { value: methods[m], enumerable: false, configurable: false, writable: false });
    });
    var common = {
      load: function (option) {
        var paths = loadPaths(option);
        fake.log(type + ".load " + describe() + (paths.length ? " " + paths.join(",") : ""));
        self.queueLoad(paths);
        return self.proxy;
      },
      toJSON: function () {
        var out = {};
        Object.keys(fields).forEach(function (k) {
          out[k] = copy(fields[k]);
        });
        Object.keys(navCache).forEach(function (k) {
          var j = navCache[k].toJSON();
          if (j && Object.keys(j).length) out[k] = j;
        });
        return out;
      },
      set: function (properties) {
        Object.keys(properties || {}).forEach(function (k) {
          if (navs[k]) self.proxy[k].set(properties[k]);
          else self.proxy[k] = properties[k];
        });
      },
    };
    Object.keys(common).forEach(function (m) {
      if (!(m in obj)) Object.defineProperty(obj, m, { value: common[m], enumerable: false, writable: false });
    });
    Object.defineProperty(obj, "context", {
      enumerable: false,
      get: function () {
        return ctx.api;
      },
    });
    Object.defineProperty(obj, "isNullObject", {
      enumerable: false,
      get: function () {
        if (!self.loadedOnce) throw notLoaded(type, "isNullObject");
        return false;
      },
    });
    self.proxy = guard(obj, type, fake);
    INTERNAL.set(self.proxy, self);
    return self.proxy;
  }

  // --- Excel's objects ------------------------------------------------------------------------------

  function liveSheet(ctx, sheet, location) {
    if (sheet.deleted) throw itemNotFound(location);
    return sheet;
  }

  /** A worksheet; resolveSheet(run) → the sheet record. */
  function makeWorksheet(ctx, describe, resolveSheet) {
    var fake = ctx.fake;
    var state = fake.state;
    return clientObject(
      ctx,
      "Worksheet",
      describe,
      function (run) {
        return liveSheet(ctx, resolveSheet(run), "Worksheet " + describe());
      },
      {
        scalars: {
          id: {
            get: function (s) {
              return s.id;
            },
          },
          name: {
            get: function (s) {
              return s.name;
            },
            set: function (s, v, run, location) {
              checkSheetName(v, location);
              var other = findSheet(state, v);
              if (other && other !== s)
                throw OfficeError(
                  "ItemAlreadyExists",
                  "A resource with the same name or identifier already exists.",
                  location
                );
              s.name = v;
            },
          },
          position: {
            get: function (s) {
              return state.sheets.indexOf(s);
            },
            set: function (s, v, run, location) {
              if (typeof v !== "number" || v < 0 || v >= state.sheets.length || Math.floor(v) !== v)
                throw invalidArgument("Position out of range: " + v, location);
              state.sheets.splice(state.sheets.indexOf(s), 1);
              state.sheets.splice(v, 0, s);
            },
          },
          // Reading is ExcelApi 1.1, setting 1.2: no setter (the proxy says so in its TypeError).
          visibility: {
            get: function (s) {
              return s.visibility;
            },
          },
        },
        methods: function (self) {
          var rangeOn = function (desc, areaOf) {
            return makeRange(ctx, desc, function (run) {
              var sheet = self.resolve(run);
              return { sheet: sheet, area: areaOf(sheet, run) };
            });
          };
          return {
            activate: function () {
              fake.log("Worksheet.activate " + describe());
              self.queue("activate", function (run) {
                var s = self.resolve(run);
                if (s.visibility !== "Visible")
                  throw invalidOperation("A hidden sheet cannot be activated.", "Worksheet.activate");
                state.active = s;
              });
            },
            delete: function () {
              fake.log("Worksheet.delete " + describe());
              self.queue("delete", function (run) {
                var s = self.resolve(run);
                var visible = state.sheets.filter(function (x) {
                  return x.visibility === "Visible";
                });
                if (s.visibility === "VeryHidden" || (s.visibility === "Visible" && visible.length === 1))
                  throw invalidOperation(undefined, "Worksheet.delete");
                var i = state.sheets.indexOf(s);
                state.sheets.splice(i, 1);
                s.deleted = true;
                if (state.active === s) {
                  var rest = state.sheets.filter(function (x) {
                    return x.visibility === "Visible";
                  });
                  state.active = rest[Math.min(i, rest.length - 1)] || rest[0];
                }
              });
            },
            getCell: function (row, column) {
              fake.log("Worksheet.getCell " + describe() + " " + row + "," + column);
              return rangeOn(
                function () {
                  return describe() + "!" + (row >= 0 && column >= 0 ? a1(row, column) : row + "," + column);
                },
                function () {
                  if (!(row >= 0 && row < MAX_ROWS && column >= 0 && column < MAX_COLS))
                    throw invalidArgument("Cell out of the grid: " + row + "," + column, "Worksheet.getCell");
                  return area(row, column, row, column);
                }
              );
            },
            getRange: function (address) {
              fake.log("Worksheet.getRange " + describe() + (address === undefined ? "" : "!" + address));
              return rangeOn(
                function () {
                  return describe() + "!" + (address === undefined ? "(whole sheet)" : address);
                },
                function (sheet) {
                  if (address === undefined) return area(0, 0, MAX_ROWS - 1, MAX_COLS - 1);
                  var text = String(address);
                  var bang = text.lastIndexOf("!");
                  if (bang >= 0) {
                    var named = text
                      .slice(0, bang)
                      .replace(/^'(.*)'$/, "$1")
                      .replace(/''/g, "'");
                    if (named.toLowerCase() !== sheet.name.toLowerCase())
                      throw invalidArgument("The address names another sheet: " + text, "Worksheet.getRange");
                    text = text.slice(bang + 1);
                  }
                  var a = parseArea(text);
                  if (!a)
                    throw invalidArgument(
                      "Not an A1 address (this fake knows no names): " + address,
                      "Worksheet.getRange"
                    );
                  return a;
                }
              );
            },
            getUsedRange: function (valuesOnly) {
              fake.log(
                "Worksheet.getUsedRange " +
                  describe() +
                  (valuesOnly !== undefined ? " (valuesOnly ignored: ExcelApi 1.2)" : "")
              );
              return rangeOn(
                function () {
                  return describe() + "!(used range)";
                },
                function (sheet) {
                  return usedArea(sheet);
                }
              );
            },
          };
        },
      }
    );
  }

  function otherArea(self, other, run, location) {
    if (typeof other === "string") {
      var a = parseArea(other.slice(other.lastIndexOf("!") + 1));
      if (!a) throw invalidArgument("Not an A1 address: " + other, location);
      return a;
    }
    var o = other && INTERNAL.get(other);
    if (!o || o.type !== "Range") throw invalidArgument("Not a range.", location);
    var t = o.resolve(run);
    if (t.sheet !== self.resolve(run).sheet) throw invalidArgument("The ranges are on different sheets.", location);
    return t.area;
  }

  /** A range; resolveTarget(run) → { sheet, area }. */
  function makeRange(ctx, describe, resolveTarget) {
    var fake = ctx.fake;
    var state = fake.state;
    var grid = function (t, run, fn) {
      var n = cellCountOf(t.area);
      if (n > LOAD_CELL_CAP)
        throw OfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit (" + n + " cells in one range).",
          "Range"
        );
      run.cells += n;
      var out = [];
      for (var r = t.area.top; r <= t.area.bottom; r++) {
        var row = [];
        for (var c = t.area.left; c <= t.area.right; c++) row.push(fn(t.sheet.cells.get(key(r, c))));
        out.push(row);
      }
      return out;
    };
    /** Every entry of an assigned array (or one value for all cells), checked before anything changes. */
    var assign = function (t, input, location, each) {
      var a = t.area;
      var rows = a.bottom - a.top + 1;
      var cols = a.right - a.left + 1;
      if (rows * cols > LOAD_CELL_CAP)
        throw OfficeError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit.",
          location
        );
      var entries = [];
      if (Array.isArray(input)) {
        var shaped =
          input.length === rows &&
          input.every(function (row) {
            return Array.isArray(row) && row.length === cols;
          });
        if (!shaped)
          throw invalidArgument(
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
            location
          );
        for (var r = 0; r < rows; r++)
          for (var c = 0; c < cols; c++) entries.push([a.top + r, a.left + c, input[r][c]]);
      } else {
        for (var rr = a.top; rr <= a.bottom; rr++)
          for (var cc = a.left; cc <= a.right; cc++) entries.push([rr, cc, input]);
      }
      var parsed = entries.map(function (e) {
        return [e[0], e[1], each.parse(e[2])];
      });
      parsed.forEach(function (e) {
        each.apply(e[0], e[1], e[2]);
      });
    };
    var writeContents = function (t, input, run, location) {
      assign(t, input, location, {
        parse: function (v) {
          return parseInput(v, location);
        },
        apply: function (r, c, p) {
          applyInput(t.sheet, r, c, p);
        },
      });
    };
    var scalar = function (get) {
      return { get: get };
    };
    return clientObject(
      ctx,
      "Range",
      describe,
      function (run) {
        var t = resolveTarget(run);
        liveSheet(ctx, t.sheet, "Range " + describe());
        return t;
      },
      {
        scalars: {
          address: scalar(function (t) {
            return sheetPrefix(t.sheet.name) + "!" + areaAddress(t.area);
          }),
          addressLocal: scalar(function (t) {
            return sheetPrefix(t.sheet.name) + "!" + areaAddress(t.area);
          }),
          cellCount: scalar(function (t) {
            var n = cellCountOf(t.area);
            return n > 2147483647 ? -1 : n;
          }),
          columnCount: scalar(function (t) {
            return t.area.right - t.area.left + 1;
          }),
          columnIndex: scalar(function (t) {
            return t.area.left;
          }),
          rowCount: scalar(function (t) {
            return t.area.bottom - t.area.top + 1;
          }),
          rowIndex: scalar(function (t) {
            return t.area.top;
          }),
          values: { get: (t, run) => grid(t, run, valueOf), set: writeContents },
          formulas: { get: (t, run) => grid(t, run, formulaOf), set: writeContents },
          formulasLocal: { get: (t, run) => grid(t, run, formulaOf), set: writeContents },
          numberFormat: {
            get: function (t, run) {
              return grid(t, run, function (cell) {
                return cell ? cell.nf : "General";
              });
            },
            set: function (t, input, run, location) {
              assign(t, input, location, {
                parse: function (v) {
                  if (v === null || v === undefined) return null;
                  if (typeof v !== "string" && typeof v !== "number")
                    throw invalidArgument("A number format is a string.", location);
                  return String(v) || "General";
                },
                apply: function (r, c, nf) {
                  if (nf === null) return;
                  var cell = ensureCell(t.sheet, r, c);
                  cell.nf = nf;
                  tidy(t.sheet, key(r, c));
                },
              });
            },
          },
          valueTypes: scalar(function (t, run) {
            return grid(t, run, typeOf);
          }),
          text: scalar(function (t, run) {
            return grid(t, run, textOf);
          }),
        },
        navs: {
          format: function (self) {
            return makeRangeFormat(ctx, describe, self.resolve);
          },
          worksheet: function (self) {
            return makeWorksheet(
              ctx,
              function () {
                return describe().split("!")[0];
              },
              function (run) {
                return self.resolve(run).sheet;
              }
            );
          },
        },
        methods: function (self) {
          var derived = function (name, args, areaOf) {
            var desc = function () {
              return describe() + "." + name + "(" + args.join(",") + ")";
            };
            fake.log("Range." + name + " " + describe() + (args.length ? " " + args.join(",") : ""));
            return makeRange(ctx, desc, function (run) {
              var t = self.resolve(run);
              var a = areaOf(t.area, run);
              if (a.top < 0 || a.left < 0 || a.bottom >= MAX_ROWS || a.right >= MAX_COLS)
                throw invalidArgument("Outside the grid.", "Range." + name);
              return { sheet: t.sheet, area: a };
            });
          };
          var notModelled = function (name) {
            return function () {
              throw new Error("Range." + name + " is ExcelApi 1.1 but not modelled by fakeExcel11.js");
            };
          };
          return {
            clear: function (applyTo) {
              fake.log("Range.clear " + describe() + " " + (applyTo === undefined ? "All" : applyTo));
              self.queue("clear", function (run) {
                var how = applyTo === undefined ? "All" : applyTo;
                if (CLEAR_APPLY_TO.indexOf(how) < 0)
                  throw invalidArgument("ClearApplyTo " + how + " is not in ExcelApi 1.1.", "Range.clear");
                var t = self.resolve(run);
                eachCellIn(t.sheet, t.area, function (cell, k) {
                  if (how === "All" || how === "Contents") {
                    cell.value = "";
                    cell.type = "Empty";
                    cell.formula = null;
                  }
                  if (how === "All" || how === "Formats") {
                    cell.nf = "General";
                    cell.fmt = null;
                  }
                  tidy(t.sheet, k);
                });
              });
            },
            select: function () {
              fake.log("Range.select " + describe());
              self.queue("select", function (run) {
                var t = self.resolve(run);
                if (t.sheet.visibility !== "Visible")
                  throw invalidOperation("A range on a hidden sheet cannot be selected.", "Range.select");
                t.sheet.sel = t.area;
                state.active = t.sheet;
              });
            },
            getCell: function (row, column) {
              return derived("getCell", [row, column], function (a) {
                return area(a.top + row, a.left + column, a.top + row, a.left + column);
              });
            },
            getRow: function (row) {
              return derived("getRow", [row], function (a) {
                return area(a.top + row, a.left, a.top + row, a.right);
              });
            },
            getColumn: function (column) {
              return derived("getColumn", [column], function (a) {
                return area(a.top, a.left + column, a.bottom, a.left + column);
              });
            },
            getEntireRow: function () {
              return derived("getEntireRow", [], function (a) {
                return area(a.top, 0, a.bottom, MAX_COLS - 1);
              });
            },
            getEntireColumn: function () {
              return derived("getEntireColumn", [], function (a) {
                return area(0, a.left, MAX_ROWS - 1, a.right);
              });
            },
            getLastCell: function () {
              return derived("getLastCell", [], function (a) {
                return area(a.bottom, a.right, a.bottom, a.right);
              });
            },
            getLastRow: function () {
              return derived("getLastRow", [], function (a) {
                return area(a.bottom, a.left, a.bottom, a.right);
              });
            },
            getLastColumn: function () {
              return derived("getLastColumn", [], function (a) {
                return area(a.top, a.right, a.bottom, a.right);
              });
            },
            getOffsetRange: function (rowOffset, columnOffset) {
              return derived("getOffsetRange", [rowOffset, columnOffset], function (a) {
                return {
                  top: a.top + rowOffset,
                  left: a.left + columnOffset,
                  bottom: a.bottom + rowOffset,
                  right: a.right + columnOffset,
                };
              });
            },
            getBoundingRect: function (other) {
              return derived("getBoundingRect", [typeof other === "string" ? other : "range"], function (a, run) {
                var b = otherArea(self, other, run, "Range.getBoundingRect");
                return area(
                  Math.min(a.top, b.top),
                  Math.min(a.left, b.left),
                  Math.max(a.bottom, b.bottom),
                  Math.max(a.right, b.right)
                );
              });
            },
            getIntersection: function (other) {
              return derived("getIntersection", [typeof other === "string" ? other : "range"], function (a, run) {
                var b = otherArea(self, other, run, "Range.getIntersection");
                var top = Math.max(a.top, b.top);
                var left = Math.max(a.left, b.left);
                var bottom = Math.min(a.bottom, b.bottom);
                var right = Math.min(a.right, b.right);
                if (top > bottom || left > right)
                  throw invalidArgument("The ranges do not intersect.", "Range.getIntersection");
                return area(top, left, bottom, right);
              });
            },
            insert: notModelled("insert"),
            delete: notModelled("delete"),
            track: function () {
              return self.proxy;
            },
            untrack: function () {
              return self.proxy;
            },
          };
        },
      }
    );
  }

  function makeRangeFormat(ctx, describe, resolveRange) {
    var formatProp = function (prop) {
      return {
        get: function (t) {
          return uniformFormat(t.sheet, t.area, function (f) {
            return f[prop];
          });
        },
        set: function (t, v, run, location) {
          setFormat(t.sheet, t.area, prop, checkFormat(prop, v, location));
        },
      };
    };
    return clientObject(ctx, "RangeFormat", describe, resolveRange, {
      scalars: {
        horizontalAlignment: formatProp("horizontalAlignment"),
        verticalAlignment: formatProp("verticalAlignment"),
        wrapText: formatProp("wrapText"),
      },
      navs: {
        fill: function (self) {
          return clientObject(ctx, "RangeFill", describe, self.resolve, {
            scalars: {
              color: {
                get: function (t) {
                  return uniformFormat(t.sheet, t.area, function (f) {
                    return f.fill || "#FFFFFF";
                  });
                },
                set: function (t, v, run, location) {
                  setFormat(t.sheet, t.area, "fill", checkFormat("fill", v, location));
                },
              },
            },
            methods: function (fill) {
              return {
                clear: function () {
                  ctx.fake.log("RangeFill.clear " + describe());
                  fill.queue("clear", function (run) {
                    var t = fill.resolve(run);
                    eachCellIn(t.sheet, t.area, function (cell, k) {
                      if (cell.fmt) {
                        cell.fmt.fill = null;
                        if (isDefaultFormat(cell.fmt)) cell.fmt = null;
                      }
                      tidy(t.sheet, k);
                    });
                  });
                },
              };
            },
          });
        },
        font: function (self) {
          return clientObject(ctx, "RangeFont", describe, self.resolve, {
            scalars: {
              bold: formatProp("bold"),
              color: formatProp("color"),
              italic: formatProp("italic"),
              name: formatProp("name"),
              size: formatProp("size"),
              underline: formatProp("underline"),
            },
          });
        },
      },
    });
  }

  function makeWorksheets(ctx) {
    var fake = ctx.fake;
    var state = fake.state;
    var items;
    var itemScalars = ["id", "name", "position", "visibility"];
    return clientObject(
      ctx,
      "WorksheetCollection",
      function () {
        return "worksheets";
      },
      function () {
        return state;
      },
      {
        queueLoad: function (paths, self) {
          var names = [];
          var bad = [];
          paths.forEach(function (p) {
            var rest = p === "items" ? "*" : p.indexOf("items/") === 0 ? p.slice(6) : p;
            if (rest === "*" || rest === "$all") names = names.concat(itemScalars);
            else if (itemScalars.indexOf(rest) >= 0) names.push(rest);
            else bad.push(rest);
          });
          if (!paths.length) names = itemScalars.slice();
          self.queue("load", function () {
            if (bad.length)
              throw invalidArgument(
                "The property '" + bad[0] + "' is not part of Worksheet in ExcelApi 1.1.",
                "Worksheet." + bad[0]
              );
            var loaded = state.sheets.map(function (sheet) {
              var values = {};
              names.forEach(function (n) {
                values[n] = n === "position" ? state.sheets.indexOf(sheet) : n === "id" ? sheet.id : sheet[n];
              });
              return { sheet: sheet, values: values };
            });
            return function () {
              items = loaded.map(function (l) {
                var name = l.sheet.name;
                var ws = makeWorksheet(
                  ctx,
                  function () {
                    return name;
                  },
                  function () {
                    return l.sheet;
                  }
                );
                var inner = INTERNAL.get(ws);
                Object.keys(l.values).forEach(function (n) {
                  inner.fields[n] = l.values[n];
                });
                inner.loadedOnce = true;
                return ws;
              });
              self.loadedOnce = true;
            };
          });
        },
        accessors: function () {
          return {
            // Filled by a load (items/name …) and its sync only.
            items: function () {
              if (!items) throw notLoaded("WorksheetCollection", "items");
              return items;
            },
          };
        },
        methods: function (self) {
          return {
            add: function (name) {
              fake.log("WorksheetCollection.add" + (name === undefined ? "" : " " + name));
              var holder = {};
              self.queue("add", function () {
                var n = name;
                if (n === undefined || n === null) {
                  var i = state.sheets.length + 1;
                  while (findSheet(state, "Sheet" + i)) i++;
                  n = "Sheet" + i;
                }
                checkSheetName(n, "WorksheetCollection.add");
                if (findSheet(state, n))
                  throw OfficeError(
                    "ItemAlreadyExists",
                    "A resource with the same name or identifier already exists.",
                    "WorksheetCollection.add"
                  );
                holder.sheet = newSheet(n);
                state.sheets.push(holder.sheet);
              });
              return makeWorksheet(
                ctx,
                function () {
                  return holder.sheet ? holder.sheet.name : String(name);
                },
                function () {
                  if (!holder.sheet) throw itemNotFound("WorksheetCollection.add");
                  return holder.sheet;
                }
              );
            },
            getActiveWorksheet: function () {
              fake.log("WorksheetCollection.getActiveWorksheet");
              return makeWorksheet(
                ctx,
                function () {
                  return "(active sheet)";
                },
                function () {
                  return state.active;
                }
              );
            },
            getItem: function (key) {
              fake.log("WorksheetCollection.getItem " + key);
              return makeWorksheet(
                ctx,
                function () {
                  return String(key);
                },
                function () {
                  var s = findSheet(state, key);
                  if (!s) throw itemNotFound("WorksheetCollection.getItem");
                  return s;
                }
              );
            },
          };
        },
      }
    );
  }

  function makeContext(fake) {
    var ctx = { fake: fake, queue: [] };
    var api = {};
    ctx.api = null;
    var workbook = clientObject(
      ctx,
      "Workbook",
      function () {
        return "workbook";
      },
      function () {
        return fake.state;
      },
      {
        navs: {
          worksheets: function () {
            return makeWorksheets(ctx);
          },
          application: function () {
            return makeApplication(ctx);
          },
        },
        methods: function () {
          return {
            getSelectedRange: function () {
              fake.log("Workbook.getSelectedRange");
              return makeRange(
                ctx,
                function () {
                  return "(selection)";
                },
                function () {
                  return { sheet: fake.state.active, area: fake.state.active.sel };
                }
              );
            },
          };
        },
      }
    );
    Object.defineProperty(api, "workbook", { value: workbook, enumerable: true });
    Object.defineProperty(api, "application", {
      enumerable: true,
      get: function () {
        return workbook.application;
      },
    });
    Object.defineProperty(api, "sync", {
      value: function (passThrough) {
        return fake.runSync(ctx, passThrough, false);
      },
    });
    Object.defineProperty(api, "load", {
      value: function (object, option) {
        object.load(option);
        return object;
      },
    });
    var tracked = {
      add: function (object) {
        fake.log("TrackedObjects.add");
        return object;
      },
      remove: function (object) {
        fake.log("TrackedObjects.remove");
        return object;
      },
    };
    Object.defineProperty(api, "trackedObjects", { value: guard(tracked, "TrackedObjects", fake) });
    ctx.api = guard(api, "RequestContext", fake);
    CONTEXTS.set(ctx.api, ctx);
    return ctx;
  }

  function makeApplication(ctx) {
    return clientObject(
      ctx,
      "Application",
      function () {
        return "application";
      },
      function () {
        return ctx.fake.state;
      },
      {
        scalars: {
          // Reading is ExcelApi 1.1, setting 1.8.
          calculationMode: {
            get: function () {
              return "Automatic";
            },
          },
        },
        methods: function (self) {
          return {
            calculate: function (calculationType) {
              ctx.fake.log("Application.calculate " + calculationType);
              self.queue("calculate", function () {
                if (CALCULATION_TYPES.indexOf(calculationType) < 0)
                  throw invalidArgument("Unknown calculation type: " + calculationType, "Application.calculate");
                // No calculation engine: nothing to do.
              });
            },
          };
        },
      }
    );
  }

  // --- Office, Excel and the fake's own helpers --------------------------------------------------------

  function versionParts(v) {
    var parts = String(v).split(".");
    return [Number(parts[0]) || 0, Number(parts[1]) || 0];
  }

  function supportedSet(name, version) {
    if (typeof name !== "string" || name.toLowerCase() !== "excelapi") return false;
    if (version === undefined || version === null || version === "") return true;
    var v = versionParts(version);
    return v[0] < 1 || (v[0] === 1 && v[1] <= 1);
  }

  function createFake(workbook, options) {
    var fake = {
      options: options,
      state: loadWorkbook(workbook),
      calls: [],
      absent: [],
      syncs: 0,
      runs: 0,
      failures: [],
      log: function (entry) {
        fake.calls.push(entry);
      },
      noteAbsent: function (what) {
        if (fake.absent.indexOf(what) < 0) fake.absent.push(what);
      },
    };

    fake.runSync = function (ctx, passThrough, implicit) {
      fake.syncs++;
      fake.log(implicit ? "RequestContext.sync (Excel.run's final flush)" : "RequestContext.sync");
      var ops = ctx.queue.splice(0, ctx.queue.length);
      return Promise.resolve().then(function () {
        if (options.onSync) options.onSync(fake.api);
        if (fake.failures.length) throw fake.failures.shift();
        var run = { id: ++fake.runs, cells: 0 };
        var commits = [];
        ops.forEach(function (op) {
          var commit = op.run(run);
          if (typeof commit === "function") commits.push(commit);
        });
        if (options.responseCellLimit !== undefined && run.cells > options.responseCellLimit)
          throw OfficeError(
            "ResponsePayloadSizeLimitExceeded",
            "The response payload size has exceeded the limit. Please refer to the documentation: " +
              "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins."
          );
        commits.forEach(function (commit) {
          commit();
        });
        return passThrough;
      });
    };

    fake.office = {
      onReady: function (callback) {
        var info = { host: "Excel", platform: "PC" };
        return Promise.resolve().then(function () {
          if (typeof callback === "function") callback(info);
          return info;
        });
      },
      context: {
        requirements: {
          isSetSupported: function (name, minVersion) {
            return supportedSet(name, minVersion);
          },
        },
        displayLanguage: options.displayLanguage || "zh-CN",
        contentLanguage: options.displayLanguage || "zh-CN",
        host: "Excel",
        platform: "PC",
        diagnostics: { host: "Excel", platform: "PC", version: "16.0.4266.1001" },
        officeTheme: options.officeTheme,
      },
      HostType: {
        Word: "Word",
        Excel: "Excel",
        PowerPoint: "PowerPoint",
        Outlook: "Outlook",
        OneNote: "OneNote",
        Project: "Project",
        Access: "Access",
      },
      PlatformType: {
        PC: "PC",
        OfficeOnline: "OfficeOnline",
        Mac: "Mac",
        iOS: "iOS",
        Android: "Android",
        Universal: "Universal",
      },
    };

    fake.excel = {
      run: function () {
        var args = Array.prototype.slice.call(arguments);
        var batch = args[args.length - 1];
        var ctx;
        var first = args.length > 1 ? args[0] : undefined;
        if (first) ctx = CONTEXTS.get(first) || (first.context && CONTEXTS.get(first.context));
        if (!ctx) ctx = makeContext(fake);
        fake.log("Excel.run");
        if (typeof batch !== "function") return Promise.reject(invalidArgument("Excel.run needs a function."));
        var result;
        try {
          result = batch(ctx.api);
        } catch (e) {
          return Promise.reject(e);
        }
        if (!result || typeof result.then !== "function")
          return Promise.reject(
            OfficeError(
              "RunMustReturnPromise",
              'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, ' +
                "so that any automatically-tracked objects can be released at the completion of the batch operation. " +
                'Typically, you return a promise by returning the response from "context.sync()".'
            )
          );
        return Promise.resolve(result).then(function (value) {
          return ctx.queue.length ? fake.runSync(ctx, value, true) : value;
        });
      },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      HorizontalAlignment: {
        general: "General",
        left: "Left",
        center: "Center",
        right: "Right",
        fill: "Fill",
        justify: "Justify",
        centerAcrossSelection: "CenterAcrossSelection",
        distributed: "Distributed",
      },
      VerticalAlignment: {
        top: "Top",
        center: "Center",
        bottom: "Bottom",
        justify: "Justify",
        distributed: "Distributed",
      },
      RangeUnderlineStyle: {
        none: "None",
        single: "Single",
        double: "Double",
        singleAccountant: "SingleAccountant",
        doubleAccountant: "DoubleAccountant",
      },
      RangeValueType: {
        unknown: "Unknown",
        empty: "Empty",
        string: "String",
        integer: "Integer",
        double: "Double",
        boolean: "Boolean",
        error: "Error",
      },
      CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
      CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
      DeleteShiftDirection: { up: "Up", left: "Left" },
      InsertShiftDirection: { down: "Down", right: "Right" },
    };

    fake.officeExtension = {
      Error: OfficeError,
      ErrorCodes: {
        accessDenied: "AccessDenied",
        generalException: "GeneralException",
        activityLimitReached: "ActivityLimitReached",
        invalidObjectPath: "InvalidObjectPath",
        propertyNotLoaded: "PropertyNotLoaded",
        valueNotLoaded: "ValueNotLoaded",
        invalidRequestContext: "InvalidRequestContext",
        invalidArgument: "InvalidArgument",
        runMustReturnPromise: "RunMustReturnPromise",
        cannotRegisterEvent: "CannotRegisterEvent",
        apiNotFound: "ApiNotFound",
        connectionFailure: "ConnectionFailure",
      },
    };

    fake.api = helpers(fake);
    return fake;
  }

  function sheetOrThrow(fake, name) {
    var s = findSheet(fake.state, name);
    if (!s) throw new Error("fakeExcel11: no sheet named " + name);
    return s;
  }

  function areaOrThrow(address) {
    var a = parseArea(String(address));
    if (!a) throw new Error("fakeExcel11: not an A1 address: " + address);
    return a;
  }

  function snapshotCell(cell) {
    var out = { value: valueOf(cell), type: cell.type };
    if (cell.formula !== null) out.formula = cell.formula;
    if (cell.nf !== "General") out.numberFormat = cell.nf;
    if (cell.fmt) {
      var fmt = {};
      FORMAT_KEYS.forEach(function (k) {
        if (cell.fmt[k] !== DEFAULT_FORMAT[k]) fmt[k] = cell.fmt[k];
      });
      out.format = fmt;
    }
    return out;
  }

  function gridOf(sheet) {
    var values = [];
    var formulas = [];
    var numberFormats = [];
    var keys = [];
    sheet.cells.forEach(function (cell, k) {
      if (cell.type !== "Empty" || cell.formula !== null) keys.push(k);
    });
    keys.sort(function (x, y) {
      return x - y;
    });
    keys.forEach(function (k) {
      var r = rowOf(k);
      var c = colOf(k);
      var cell = sheet.cells.get(k);
      for (var i = values.length; i <= r; i++) {
        values.push([]);
        formulas.push([]);
        numberFormats.push([]);
      }
      for (var j = values[r].length; j < c; j++) {
        var blank = sheet.cells.get(key(r, j));
        values[r].push(null);
        formulas[r].push(null);
        numberFormats[r].push(blank ? blank.nf : "General");
      }
      values[r].push(cell.type === "Empty" ? null : cell.type === "Error" ? { error: cell.value } : cell.value);
      formulas[r].push(cell.formula);
      numberFormats[r].push(cell.nf);
    });
    return { sheet: sheet.name, values: values, formulas: formulas, numberFormats: numberFormats, merges: [] };
  }

  function helpers(fake) {
    var state = fake.state;
    return {
      syncs: function () {
        return fake.syncs;
      },
      calls: function () {
        return fake.calls.slice();
      },
      absent: function () {
        return fake.absent.slice();
      },
      selection: function () {
        return { sheet: state.active.name, address: areaAddress(state.active.sel) };
      },
      active: function () {
        return state.active.name;
      },
      sheets: function () {
        return state.sheets.map(function (s) {
          return s.name;
        });
      },
      sheet: function (name) {
        var s = findSheet(state, name);
        if (!s) return undefined;
        var cells = {};
        var keys = Array.from(s.cells.keys()).sort(function (x, y) {
          return x - y;
        });
        keys.forEach(function (k) {
          cells[a1(rowOf(k), colOf(k))] = snapshotCell(s.cells.get(k));
        });
        return { name: s.name, visibility: s.visibility, position: state.sheets.indexOf(s), cells: cells };
      },
      toGrids: function () {
        return state.sheets.map(gridOf);
      },
      setValue: function (sheetName, address, value) {
        var s = sheetOrThrow(fake, sheetName);
        var a = areaOrThrow(address);
        fake.log("(person) typed " + sheetName + "!" + areaAddress(a));
        var rows = a.bottom - a.top + 1;
        var cols = a.right - a.left + 1;
        for (var r = 0; r < rows; r++) {
          for (var c = 0; c < cols; c++) {
            var v = Array.isArray(value) ? value[r] && value[r][c] : value;
            var parsed = parseInput(v === undefined || v === null ? "" : v, "setValue");
            applyInput(s, a.top + r, a.left + c, parsed);
          }
        }
      },
      setResult: function (sheetName, address, value) {
        var s = sheetOrThrow(fake, sheetName);
        var a = areaOrThrow(address);
        for (var r = a.top; r <= a.bottom; r++) {
          for (var c = a.left; c <= a.right; c++) {
            var cell = s.cells.get(key(r, c));
            if (!cell || cell.formula === null)
              throw new Error("fakeExcel11: no formula in " + sheetName + "!" + a1(r, c));
            var v = Array.isArray(value) ? value[r - a.top][c - a.left] : value;
            var stored = storedValue(v);
            cell.value = stored.value;
            cell.type = stored.type;
          }
        }
      },
      setVisibility: function (sheetName, visibility) {
        var s = sheetOrThrow(fake, sheetName);
        if (["Visible", "Hidden", "VeryHidden"].indexOf(visibility) < 0)
          throw new Error("fakeExcel11: visibility " + visibility);
        s.visibility = visibility;
      },
      failNextSync: function (codeOrError, message) {
        fake.failures.push(
          typeof codeOrError === "string"
            ? OfficeError(codeOrError, message || codeOrError, "fake.failNextSync")
            : codeOrError
        );
      },
      uninstall: function () {},
    };
  }

  function install(target, workbook, options) {
    if (!target) throw new Error("fakeExcel11: install(target, workbook, options) needs the global object");
    var fake = createFake(workbook, options || {});
    var names = ["Office", "Excel", "OfficeExtension", "__zipingFakeExcel"];
    var previous = {};
    names.forEach(function (n) {
      previous[n] = Object.prototype.hasOwnProperty.call(target, n) ? { value: target[n] } : undefined;
    });
    target.Office = fake.office;
    target.Excel = fake.excel;
    target.OfficeExtension = fake.officeExtension;
    target.__zipingFakeExcel = fake.api;
    fake.api.uninstall = function () {
      names.forEach(function (n) {
        if (previous[n]) target[n] = previous[n].value;
        else delete target[n];
      });
    };
    return fake.api;
  }

  root.ZipingFakeExcel = { install: install };
  if (typeof module !== "undefined" && module.exports) module.exports = root.ZipingFakeExcel;
})(typeof globalThis !== "undefined" ? globalThis : this);
