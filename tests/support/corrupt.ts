/**
 * A copy of an .xlsx file whose every formula carries a wrong saved result (999): what a file
 * saved by a program that never recalculated looks like. A reader that trusts saved results
 * reports nonsense on it; one that recomputes reports what the correct values imply.
 */
import JSZip from "jszip";

const FORMULA_CELL = /<c\b([^>]*)>(<f\b[^>]*(?:\/>|>[\s\S]*?<\/f>))(?:<v>[\s\S]*?<\/v>)?<\/c>/g;

export async function withCorruptedCaches(bytes: Uint8Array | Buffer, wrong = "999"): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    const corrupted = xml.replace(FORMULA_CELL, (_all, attrs: string, formula: string) => {
      const plain = attrs.replace(/\st="[^"]*"/, "");
      return "<c" + plain + ">" + formula + "<v>" + wrong + "</v></c>";
    });
    zip.file(name, corrupted);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
