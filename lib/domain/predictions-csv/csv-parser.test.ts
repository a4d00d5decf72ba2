import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParser, parseCsv, type TCsvRow } from "./csv-parser";
import { PredictionsCsvError } from "./errors";

const utf8 = (text: string) => new TextEncoder().encode(text);
const rows = (...records: [number, string[]][]): TCsvRow[] => records.map(([row, fields]) => ({ row, fields }));

/** Every way of cutting the input in two, as bytes and as text, and byte by byte: all must agree. */
function expectSameForEverySplit(input: string | Uint8Array, expected: TCsvRow[], options: { delimiter?: "," | "\t" | "auto" } = {}) {
  const bytes = typeof input === "string" ? utf8(input) : input;
  expect(parseCsv(bytes, options)).toEqual(expected);
  for (let k = 0; k <= bytes.length; k++) {
    expect(parseCsv([bytes.subarray(0, k), bytes.subarray(k)], options), `bytes split at ${k}`).toEqual(expected);
  }
  expect(parseCsv(Array.from(bytes, (b) => new Uint8Array([b])), options), "one byte per chunk").toEqual(expected);
  if (typeof input === "string") {
    for (let k = 0; k <= input.length; k++) {
      expect(parseCsv([input.slice(0, k), input.slice(k)], options), `text split at ${k}`).toEqual(expected);
    }
  }
}

describe("CsvParser: RFC 4180 records, for every chunk boundary", () => {
  it.each<[string, string, TCsvRow[]]>([
    ["LF", "a,b\n1,2\n", rows([1, ["a", "b"]], [2, ["1", "2"]])],
    ["CRLF", "a,b\r\n1,2\r\n", rows([1, ["a", "b"]], [2, ["1", "2"]])],
    ["no newline at the end", "a,b\n1,2", rows([1, ["a", "b"]], [2, ["1", "2"]])],
    ["CR at the very end", "a,b\r\n1,2\r", rows([1, ["a", "b"]], [2, ["1", "2"]])],
    ["byte order mark", "\uFEFFa,b\n1,2\n", rows([1, ["a", "b"]], [2, ["1", "2"]])],
    ["byte order mark and CRLF", "\uFEFFlabel,pred\r\n1,0\r\n", rows([1, ["label", "pred"]], [2, ["1", "0"]])],
    ["quoted delimiter", 'a,b\n"x,y",2\n', rows([1, ["a", "b"]], [2, ["x,y", "2"]])],
    ["escaped quotes", 'a,b\n"he said ""hi""",2\n', rows([1, ["a", "b"]], [2, ['he said "hi"', "2"]])],
    ["only an escaped quote", 'a\n""""\n', rows([1, ["a"]], [2, ['"']])],
    ["LF inside quotes", 'a,b\n"line 1\nline 2",2\n3,4\n', rows([1, ["a", "b"]], [2, ["line 1\nline 2", "2"]], [3, ["3", "4"]])],
    ["CRLF inside quotes is kept", 'a,b\r\n"x\r\ny",2\r\n', rows([1, ["a", "b"]], [2, ["x\r\ny", "2"]])],
    ["quoted field at the end of the line and of the file", 'a,b\n1,"2"\n3,"4"', rows([1, ["a", "b"]], [2, ["1", "2"]], [3, ["3", "4"]])],
    ["quoted field before CRLF", 'a,"b"\r\n"1",2\r\n', rows([1, ["a", "b"]], [2, ["1", "2"]])],
    ["empty fields", "a,b,c\n,,\n", rows([1, ["a", "b", "c"]], [2, ["", "", ""]])],
    ["empty quoted fields", 'a,b\n"",""\n', rows([1, ["a", "b"]], [2, ["", ""]])],
    ["trailing delimiter", "a,b,\n1,2,\n", rows([1, ["a", "b", ""]], [2, ["1", "2", ""]])],
    ["whitespace is data", " a , b \n", rows([1, [" a ", " b "]])],
    ["blank lines are skipped but counted", "a,b\n\n1,2\r\n\r\n3,4\n\n", rows([1, ["a", "b"]], [3, ["1", "2"]], [5, ["3", "4"]])],
    ["multi-byte UTF-8", "name,group\nJosé,Ünïcødé 😀\n日本,Ελληνικά\n", rows([1, ["name", "group"]], [2, ["José", "Ünïcødé 😀"]], [3, ["日本", "Ελληνικά"]])],
    ["a CR not followed by LF is data", "a\rb,c\n\rd,e\r\r\n", rows([1, ["a\rb", "c"]], [2, ["\rd", "e\r"]])],
    ["a quote inside an unquoted field is data", 'size,price\n5" screen,2\nx"y"z,3\n', rows([1, ["size", "price"]], [2, ['5" screen', "2"]], [3, ['x"y"z', "3"]])],
    ["quoted and unquoted rows mixed", 'a,b\n1,2\n"3",4\n5,6\n"7\n8",9\n10,11', rows([1, ["a", "b"]], [2, ["1", "2"]], [3, ["3", "4"]], [4, ["5", "6"]], [5, ["7\n8", "9"]], [6, ["10", "11"]])],
    ["a single column", "label\n1\n0\n", rows([1, ["label"]], [2, ["1"]], [3, ["0"]])],
    ["an empty quoted single field is a record, not a blank line", 'a\n""\n', rows([1, ["a"]], [2, [""]])],
  ])("%s", (_, input, expected) => {
    expectSameForEverySplit(input, expected);
  });

  it("counts a record with quoted line breaks as one row, and the rows after it accordingly", () => {
    expect(parseCsv('h\n"1\n2\n3"\nx\n').map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it("yields nothing for an empty input, a lone byte order mark or blank lines", () => {
    expectSameForEverySplit("", []);
    expectSameForEverySplit("\uFEFF", []);
    expectSameForEverySplit("\n\r\n\n", []);
  });
});

describe("CsvParser: delimiters", () => {
  it.each<[string, string, TCsvRow[]]>([
    ["TSV, detected", "a\tb\n1\t2\n", rows([1, ["a", "b"]], [2, ["1", "2"]])],
    ["TSV with commas in values", "name\tscore\nDoe, Jane\t0,5\n", rows([1, ["name", "score"]], [2, ["Doe, Jane", "0,5"]])],
    ["TSV with a quoted tab", 'a\tb\n"x\ty"\t2\n', rows([1, ["a", "b"]], [2, ["x\ty", "2"]])],
    ["CSV with tabs in values", "a,b\nx\ty,2\n", rows([1, ["a", "b"]], [2, ["x\ty", "2"]])],
    ["a first line without a newline", "a\tb", rows([1, ["a", "b"]])],
  ])("%s", (_, input, expected) => {
    expectSameForEverySplit(input, expected);
  });

  it("uses the delimiter it is told", () => {
    expect(parseCsv("a\tb,c\n", { delimiter: "," })).toEqual(rows([1, ["a\tb", "c"]]));
    expect(parseCsv("a,b\tc\n", { delimiter: "\t" })).toEqual(rows([1, ["a,b", "c"]]));
  });

  it("reports the delimiter it chose", () => {
    const parser = new CsvParser({ onRow: () => {} });
    expect(parser.chosenDelimiter).toBeNull();
    parser.push("x\ty\tz,w\n");
    expect(parser.chosenDelimiter).toBe("\t");
  });
});

describe("CsvParser: errors", () => {
  const error = (input: string | Uint8Array | (string | Uint8Array)[]) => {
    try {
      parseCsv(input);
    } catch (e) {
      expect(e).toBeInstanceOf(PredictionsCsvError);
      const { code, message, row } = e as PredictionsCsvError;
      return { code, message, row };
    }
    throw new Error("no error");
  };

  it("names the row where an unclosed quote starts", () => {
    expect(error('a,b\n1,2\n"x,2\n3,4\n')).toEqual({ code: "unclosed_quote", row: 3, message: "Row 3: a quoted field starts here but its closing quote is missing." });
  });

  it("names the row and field of text after a closing quote", () => {
    expect(error('a,b\n1,"x"y\n')).toEqual({
      code: "text_after_quote",
      row: 2,
      message: 'Row 2, field 2: a quoted field must end at a delimiter or the end of the line, but "y" follows its closing quote. Write a quote inside a quoted field as "".',
    });
    expect(error('a,b\n"x" ,2\n').message).toContain('but " " follows its closing quote');
    expect(error('a\n"x"\ry\n').message).toContain('Row 2, field 1: a quoted field must end at a delimiter or the end of the line, but "\\r" follows');
    expect(error(['a\n"x"\r', "y\n"]).message).toContain('but "\\r" follows');
  });

  it("names the row and byte that are not UTF-8, wherever the chunks are cut", () => {
    // "José" saved as Latin-1 (Excel's "CSV (Comma delimited)"): é is the single byte 0xE9.
    const latin1 = new Uint8Array([...utf8("name,g\nAnn,1\nJos"), 0xe9, ...utf8(",1\n")]);
    const expected = {
      code: "invalid_utf8",
      row: 3,
      message: 'The file is not UTF-8 text: row 3 has a byte that is not valid UTF-8 (byte 17 of the file, 0xE9). Save the file as UTF-8 (in Excel: "CSV UTF-8") and upload it again.',
    };
    expect(error(latin1)).toEqual(expected);
    for (let k = 0; k <= latin1.length; k++) expect(error([latin1.subarray(0, k), latin1.subarray(k)]), `split at ${k}`).toEqual(expected);
    expect(error(Array.from(latin1, (b) => new Uint8Array([b])))).toEqual(expected);
  });

  it("counts a byte order mark and multi-byte characters in the byte offset", () => {
    const bytes = new Uint8Array([...utf8("\uFEFFé,😀\n"), 0xc3, 0x28, 0x0a]);
    const message = (e: ReturnType<typeof error>) => e.message.slice(0, e.message.indexOf(")") + 1);
    expect(message(error(bytes))).toBe("The file is not UTF-8 text: row 2 has a byte that is not valid UTF-8 (byte 12 of the file, 0xC3)");
    for (let k = 0; k <= bytes.length; k++) expect(message(error([bytes.subarray(0, k), bytes.subarray(k)])), `split at ${k}`).toBe(message(error(bytes)));
  });

  it.each([
    ["a truncated character at the end", [0x61, 0x0a, 0x62, 0xe2, 0x82], "row 2", "byte 4 of the file, 0xE2"],
    ["an overlong encoding", [0x61, 0xc0, 0xaf], "row 1", "byte 2 of the file, 0xC0"],
    ["a surrogate", [0x61, 0xed, 0xa0, 0x80], "row 1", "byte 2 of the file, 0xED"],
    ["above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], "row 1", "byte 1 of the file, 0xF4"],
    ["a lone continuation byte", [0x0a, 0x0a, 0x80], "row 3", "byte 3 of the file, 0x80"],
  ])("refuses %s", (_, bytes, row, where) => {
    const e = error(new Uint8Array(bytes));
    expect(e.code).toBe("invalid_utf8");
    expect(e.message).toContain(`${row} has a byte`);
    expect(e.message).toContain(where);
  });

  it("reports a problem before the bad byte first", () => {
    expect(error(new Uint8Array([...utf8('a\n"x"y\n'), 0xff])).code).toBe("text_after_quote");
  });

  it("accepts text after bytes, but not in the middle of a character", () => {
    expect(parseCsv([utf8("\uFEFFa,b\n1,"), "2\n", utf8("3,é\n")])).toEqual(rows([1, ["a", "b"]], [2, ["1", "2"]], [3, ["3", "é"]]));
    expect(error([new Uint8Array([0x61, 0x0a, 0xc3]), "x\n"])).toMatchObject({ code: "invalid_utf8", row: 2 });
  });

  it("refuses push after end", () => {
    const parser = new CsvParser({ onRow: () => {} });
    parser.end();
    expect(() => parser.push("x")).toThrow("CsvParser.push() after end()");
  });

  it("lets an error thrown by onRow through, and reports the rows read", () => {
    const parser = new CsvParser({
      onRow: (_, row) => {
        if (row === 3) throw new Error("stop at 3");
      },
    });
    expect(() => parser.push("a\nb\nc\nd\n")).toThrow("stop at 3");
    expect(parser.rowsRead).toBe(2);
  });
});

/** RFC 4180 writer for the round-trip property: quotes a field when it must, and sometimes when it need not. */
function writeCsv(records: string[][], delimiter: string, newline: string, quoteAll: boolean[]): string {
  return records
    .map((fields, r) =>
      fields
        .map((field) => {
          const must = field.includes('"') || field.includes(delimiter) || field.includes("\n") || field.includes("\r") || (fields.length === 1 && field === "");
          return must || quoteAll[r % quoteAll.length] ? `"${field.replaceAll('"', '""')}"` : field;
        })
        .join(delimiter),
    )
    .join(newline);
}

const fieldArb = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", " ", ",", "\t", '"', "\n", "\r", "é", "😀", "x") , maxLength: 6 }),
  fc.string({ maxLength: 4 }),
  fc.constantFrom("", "0", "1", "Female", "African-American"),
);

describe("CsvParser: round trip of random tables in random chunks", () => {
  it("reads back what an RFC 4180 writer wrote, however the bytes are cut", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(fieldArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 })),
        fc.constantFrom(",", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (records, delimiter, newline, trailingNewline, quoteAll, cuts, asText) => {
          // Fields with CR outside quotes would be rewritten by any CSV writer: quoting covers them.
          const text = writeCsv(records, delimiter, newline, quoteAll) + (trailingNewline ? newline : "");
          const data: string | Uint8Array = asText ? text : utf8(text);
          const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
          const chunks: (string | Uint8Array)[] = [];
          let from = 0;
          for (const point of [...points, data.length]) {
            chunks.push(data.slice(from, point));
            from = point;
          }
          const parsed = parseCsv(chunks, { delimiter: delimiter as "," | "\t" });
          expect(parsed.map((r) => r.fields)).toEqual(records);
          expect(parsed[0]!.row).toBe(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});
