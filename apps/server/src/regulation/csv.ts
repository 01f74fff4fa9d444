/** One CSV record and the file line it starts on (1 = the header). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV as spreadsheets save it: an optional UTF-8 BOM, CRLF or LF line ends, fields in
 * double quotes holding commas, quotes ("") or line breaks. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    fields.push(field);
    if (touched || fields.length > 1 || field.trim() !== '') out.push({ line: start, fields: fields.map((f) => f.trim()) });
    fields = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') (field += '"'), i++;
        else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      touched = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0 || touched) endRecord();
  return out;
}

/** Finds each wanted column in the header by any of its accepted names; missing ones are listed. */
export function headerIndex<K extends string>(header: string[], columns: Record<K, string[]>): { index: Record<K, number>; missing: K[] } {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const names = header.map(norm);
  const index = {} as Record<K, number>;
  const missing: K[] = [];
  for (const key of Object.keys(columns) as K[]) {
    const at = names.findIndex((n) => columns[key].some((c) => norm(c) === n));
    if (at < 0) missing.push(key);
    index[key] = at;
  }
  return { index, missing };
}

/** Quotes a value for CSV when it needs it. */
export function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
