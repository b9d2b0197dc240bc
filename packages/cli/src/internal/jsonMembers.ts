/** A top-level member of a JSON object: its decoded key and the exact source text of its value. */
export interface JsonMember {
  readonly key: string;
  readonly source: string;
}

const WS = new Set([" ", "\t", "\n", "\r"]);

/** Index just past the string literal that opens at `start` (a `"`). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}

/** Index just past the value that opens at `start`: nested values are skipped by depth. */
function endOfValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return endOfString(text, start);
  if (first !== "{" && first !== "[") {
    let i = start;
    while (i < text.length && !WS.has(text[i] as string) && text[i] !== "," && text[i] !== "}") i++;
    return i;
  }
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = endOfString(text, i);
      continue;
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return i;
}

/**
 * The top-level members of a JSON object in source order, duplicates included, so a caller
 * sees what `JSON.parse` hides: a repeated key (it keeps the last) and a number's exact text
 * (it rounds `12345678901234567890`). `text` must already be a JSON object `JSON.parse` accepts.
 */
export function jsonMembers(text: string): JsonMember[] {
  const members: JsonMember[] = [];
  let i = text.indexOf("{") + 1;
  const skipWs = () => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  for (;;) {
    skipWs();
    if (text[i] !== '"') return members;
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = keyEnd;
    skipWs();
    i++; // the colon
    skipWs();
    const valueEnd = endOfValue(text, i);
    members.push({ key, source: text.slice(i, valueEnd) });
    i = valueEnd;
    skipWs();
    if (text[i] !== ",") return members;
    i++;
  }
}
