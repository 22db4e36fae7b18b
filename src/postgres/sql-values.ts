/** Conversions of row values into the text arrays that `unnest($n::type[])` statements take. */

/** bigint / number / null → decimal text or null (exact: never through a float). */
export function toText(value: bigint | number | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toString();
}

export function toIso(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Column arrays of `rows` in the order of `columns`, each mapped by its converter. */
export function columnsOf<Row>(rows: readonly Row[], columns: ReadonlyArray<(row: Row) => unknown>): unknown[][] {
  const arrays = columns.map(() => new Array<unknown>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let c = 0; c < columns.length; c++) arrays[c]![i] = columns[c]!(row);
  }
  return arrays;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/**
 * One field in PostgreSQL's COPY text format: `\N` for null; backslash, tab, newline and carriage
 * return escaped. bigint and number go through `toString()` (exact).
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
