// Cedar's lexical rules, kept in one place: string literals, identifiers and entity references.

// Words Cedar reserves: a context field named like one is written in the quoted form.
const RESERVED = new Set([
  "true",
  "false",
  "if",
  "then",
  "else",
  "in",
  "is",
  "like",
  "has",
  "__cedar",
]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Cedar string literal: `\` and `"` escaped, control characters as `\u{…}`. */
export function cedarString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === "\\" || char === '"') out += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += char;
  }
  return `${out}"`;
}

/** Whether a name can be written bare (`context.consent`) rather than quoted (`context["a-b"]`). */
export function isCedarIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** `context.name`, or `context["name"]` when the name is not an identifier. */
export function contextAttribute(name: string): string {
  return isCedarIdentifier(name) ? `context.${name}` : `context[${cedarString(name)}]`;
}

/** `context has name`, with the name quoted when it is not an identifier. */
export function contextHas(name: string): string {
  return `context has ${isCedarIdentifier(name) ? name : cedarString(name)}`;
}

/** A reference to an entity, e.g. `TrunkIQ::Purpose::"marketing"`. */
export function entity(namespace: string, type: string, id: string): string {
  return `${namespace}::${type}::${cedarString(id)}`;
}
