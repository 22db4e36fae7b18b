/**
 * Token names / symbols / URIs are raw borsh strings that can carry NUL padding (`" BOMBO \0\0"`), which
 * PostgreSQL `text` cannot store. We drop NUL characters and trim surrounding whitespace; nothing else.
 */
export function sanitizeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.includes('\u0000') ? text.replace(/\u0000/g, '').trim() : text.trim();
}
