// A small RFC 4180 reader for tests (no CSV library is among the dependencies): records end with CRLF (a lone LF
// is taken too), a field is quoted when it holds a comma, a quote or a line break, and "" inside quotes is one ".
// It refuses what RFC 4180 does not allow: a quote inside an unquoted field, text after a closing quote.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let started = false;
  const endField = () => { record.push(field); field = ''; started = false; };
  const endRecord = () => { endField(); records.push(record); record = []; };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '"' && !started) {
      let end = i + 1;
      for (;;) {
        end = text.indexOf('"', end);
        if (end < 0) throw new Error(`unclosed quote at ${i}`);
        if (text[end + 1] !== '"') break;
        end += 2;
      }
      field = text.slice(i + 1, end).replace(/""/g, '"');
      started = true;
      i = end;
      if (end + 1 < text.length && !/[,\r\n]/.test(text[end + 1]!)) throw new Error(`text after a closing quote at ${end + 1}`);
    } else if (c === '"') {
      throw new Error(`a quote inside an unquoted field at ${i}`);
    } else if (c === ',') {
      endField();
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 1;
    } else if (c === '\n') {
      endRecord();
    } else {
      field += c;
      started = true;
    }
  }
  if (started || record.length) endRecord();
  return records;
}

/** The records as objects keyed by the header row; every record must have the header's number of fields. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => {
    if (row.length !== header.length) throw new Error(`a record of ${row.length} fields under a header of ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, row[i]!]));
  });
}
