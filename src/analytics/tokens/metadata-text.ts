/**
 * Name, symbol and uri of a token as its metadata account stores them: Borsh strings that the Metaplex
 * program pads with NUL bytes to fixed widths (name 32, symbol 10, uri 200), which PostgreSQL `text`
 * cannot hold. NULs are dropped and surrounding whitespace trimmed; nothing else is changed.
 */

/** The three texts every token-metadata layout carries. */
export interface TokenMetadataText {
  name: string;
  symbol: string;
  uri: string;
}

/** `text` without NUL characters and surrounding whitespace. */
export function cleanMetadataText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000/g, '').trim();
}
