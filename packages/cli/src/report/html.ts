import { escape as escapeHtml } from "html-escaper";

/** Markup already escaped: the only kind of value `html` inserts as it is. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What `html` accepts between its literals: text (escaped), markup, or lists of either. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | null
  | undefined
  | false
  | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every interpolated string, so text from a declaration can never
 * become markup; nested `html` fragments and lists of them are inserted as they are.
 */
export function html(literals: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = literals[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (literals[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

// INVARIANT: injective, so distinct id parts never share an anchor; the output is a valid
// HTML id and URL fragment whatever the parts hold.
const ID_PART = /[^a-z0-9]/gi;
/**
 * An element id from parts of the declaration: letters and digits kept, every other character
 * written as `_` and its code point in hex, parts joined by `--`.
 */
export function anchorId(...parts: readonly string[]): string {
  return parts
    .map((part) => part.replace(ID_PART, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`))
    .join("--");
}

/** Markup the report itself writes (styles, scripts): never text from a declaration. */
export const trusted = (markup: string): SafeHtml => new SafeHtml(markup);
