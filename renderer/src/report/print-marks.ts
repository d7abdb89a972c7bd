// Printed pages carry the classification and the key id in the page margins
// (CSS page-margin boxes, Chromium 131+), so every sheet is marked even when
// a section breaks across pages.

/** A CSS string literal of any text: everything but letters, digits and spaces hex-escaped. */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** The @page rule that prints `top` and `bottom` in every page's margins. */
export function printMarksCss(top: string, bottom: string): string {
  return `@media print { @page { margin: 16mm 12mm; @top-center { content: ${cssString(top)}; font: 700 9pt sans-serif; } @bottom-center { content: ${cssString(bottom)}; font: 700 9pt sans-serif; } } }`;
}
