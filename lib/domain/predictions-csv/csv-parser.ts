import { PredictionsCsvError } from "./errors";
import { incompleteTailStart, scanUtf8 } from "./utf8";

/**
 * A streaming RFC 4180 parser for CSV and TSV: give it the bytes (or text) in chunks of any size,
 * split anywhere (inside a multi-byte UTF-8 character, inside quotes, between \r and \n), and it
 * calls onRow with each record's fields and its row number.
 *
 * - UTF-8, with or without a byte order mark; invalid UTF-8 is an error.
 * - Records end with LF or CRLF (also a final record without either). A CR not followed by LF is
 *   an ordinary character.
 * - A field in double quotes may contain the delimiter, CR, LF and "" for one quote. After the
 *   closing quote only a delimiter or the end of the record may follow. A quote inside an
 *   unquoted field is kept as it is (lenient, as spreadsheets and pandas write it).
 * - Blank lines are skipped, but counted: row numbers are those a spreadsheet shows, the header
 *   being row 1 and a record with quoted line breaks being one row.
 * - The delimiter is "," or "\t"; "auto" (the default) picks the one that is more frequent on the
 *   first line.
 *
 * Speed: a record without a quote is cut out with indexOf and split with String.split, the
 * engine's native loops; only records with a quote (and the unfinished last line of a chunk) go
 * through the character-by-character state machine, which keeps its state across chunks.
 */
export type TCsvDelimiter = "," | "\t";

export type TCsvParserOptions = {
  delimiter?: TCsvDelimiter | "auto";
  onRow: (fields: string[], row: number) => void;
};

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  /** Nothing of the current field read yet. */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either "" (an escaped quote) or the closing quote. */
  QuoteInQuoted,
}

export class CsvParser {
  private readonly onRow: (fields: string[], row: number) => void;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private delimiter: TCsvDelimiter | null;
  private delimiterCode = 0;
  /** Text held back until the first line is complete, to choose the delimiter. */
  private pendingFirstLine = "";
  private started = false;
  private ended = false;
  private decodingBytes = false;
  /** Bytes of an unfinished character that the decoder holds back, and bytes consumed before them. */
  private heldBytes: Uint8Array = new Uint8Array(0);
  private bytesBefore = 0;

  /** The number of the record being read (1-based). */
  private row = 1;
  private state: State = State.FieldStart;
  private fields: string[] = [];
  private field = "";
  /** A CR ended the last chunk outside quotes: it ends the record if the next chunk starts with LF. */
  private pendingCR = false;
  private quoteOpenedOnRow = 0;

  constructor(options: TCsvParserOptions) {
    this.onRow = options.onRow;
    const delimiter = options.delimiter ?? "auto";
    this.delimiter = delimiter === "auto" ? null : delimiter;
    if (this.delimiter) this.delimiterCode = this.delimiter.charCodeAt(0);
  }

  /** Rows started so far, blank lines included: the row number of the record being read, less one. */
  get rowsRead(): number {
    return this.row - 1;
  }

  get chosenDelimiter(): TCsvDelimiter | null {
    return this.delimiter;
  }

  push(chunk: Uint8Array | string): void {
    if (this.ended) throw new Error("CsvParser.push() after end()");
    let text: string;
    if (typeof chunk === "string") {
      text = chunk;
      // A byte order mark read as text; the decoder below strips it from bytes itself.
      if (!this.started && !this.decodingBytes && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (this.decodingBytes) text = this.flushDecoder() + text;
      this.decodingBytes = false;
    } else {
      this.decodingBytes = true;
      try {
        // The decoder strips a byte order mark at the start of the stream and holds back an
        // incomplete multi-byte sequence at the end of the chunk until the next one.
        text = this.decoder.decode(chunk, { stream: true });
      } catch {
        throw this.invalidUtf8In(chunk);
      }
      const consumed = concat(this.heldBytes, chunk);
      const tail = incompleteTailStart(consumed);
      this.bytesBefore += tail;
      this.heldBytes = consumed.slice(tail);
    }
    this.accept(text);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.decodingBytes) this.accept(this.flushDecoder());
    if (this.delimiter === null) {
      this.chooseDelimiter(this.pendingFirstLine);
      const text = this.pendingFirstLine;
      this.pendingFirstLine = "";
      this.parse(text);
    }
    if (this.pendingCR) {
      // A CR at the very end of the file ends the last record.
      this.pendingCR = false;
      this.endRecord();
    }
    if (this.state === State.Quoted) {
      throw new PredictionsCsvError("unclosed_quote", `Row ${this.quoteOpenedOnRow}: a quoted field starts here but its closing quote is missing.`, {
        row: this.quoteOpenedOnRow,
      });
    }
    if (this.state !== State.FieldStart || this.fields.length > 0) this.endRecord();
  }

  private flushDecoder(): string {
    try {
      const text = this.decoder.decode();
      this.bytesBefore += this.heldBytes.length;
      this.heldBytes = new Uint8Array(0);
      return text;
    } catch {
      // The file ends inside a multi-byte character.
      throw this.invalidUtf8Error(this.bytesBefore, this.heldBytes[0]!);
    }
  }

  /**
   * The chunk has a byte that is not UTF-8. Parse the text before it, so that the row count is
   * exact (or an earlier problem is reported first), and name the row and byte.
   */
  private invalidUtf8In(chunk: Uint8Array): PredictionsCsvError {
    const bytes = concat(this.heldBytes, chunk);
    const { invalidAt } = scanUtf8(bytes);
    const at = invalidAt === -1 ? 0 : invalidAt;
    const prefix = new TextDecoder("utf-8", { ignoreBOM: this.started }).decode(bytes.subarray(0, at));
    this.accept(prefix);
    return this.invalidUtf8Error(this.bytesBefore + at, bytes[at]!);
  }

  private invalidUtf8Error(offset: number, byte: number): PredictionsCsvError {
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return new PredictionsCsvError(
      "invalid_utf8",
      `The file is not UTF-8 text: row ${this.row} has a byte that is not valid UTF-8 (byte ${offset + 1} of the file, ${hex}). Save the file as UTF-8 (in Excel: "CSV UTF-8") and upload it again.`,
      { row: this.row },
    );
  }

  private accept(text: string): void {
    if (text.length === 0) return;
    this.started = true;
    if (this.delimiter === null) {
      const newline = text.indexOf("\n");
      this.pendingFirstLine += text;
      if (newline === -1) return;
      text = this.pendingFirstLine;
      this.pendingFirstLine = "";
      this.chooseDelimiter(text.slice(0, text.indexOf("\n")));
    }
    this.parse(text);
  }

  private chooseDelimiter(firstLine: string): void {
    let commas = 0;
    let tabs = 0;
    for (let i = 0; i < firstLine.length; i++) {
      const c = firstLine.charCodeAt(i);
      if (c === 44) commas++;
      else if (c === 9) tabs++;
    }
    this.delimiter = tabs > commas ? "\t" : ",";
    this.delimiterCode = this.delimiter.charCodeAt(0);
  }

  private parse(text: string): void {
    const length = text.length;
    const delimiter = this.delimiter!;
    let i = 0;
    if (this.pendingCR || this.state !== State.FieldStart || this.fields.length > 0) i = this.continueRecord(text, 0);
    let nextQuote = -1;
    while (i < length) {
      // At the start of a record. Records before the next quote are split natively.
      if (nextQuote < i) {
        nextQuote = text.indexOf('"', i);
        if (nextQuote === -1) nextQuote = length;
      }
      let newline = text.indexOf("\n", i);
      while (newline !== -1 && newline < nextQuote) {
        const end = newline > i && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        if (end > i) this.onRow(text.slice(i, end).split(delimiter), this.row);
        this.row++;
        i = newline + 1;
        newline = text.indexOf("\n", i);
      }
      if (i >= length) break;
      // A record with a quote, or the unfinished last line: character by character.
      i = this.continueRecord(text, i);
    }
  }

  /** Runs the state machine from `start` to the end of the current record; returns the index after it, or text.length. */
  private continueRecord(text: string, start: number): number {
    const length = text.length;
    const delimiter = this.delimiterCode;
    let i = start;
    let segment = start;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (i < length && text.charCodeAt(i) === LF) {
        this.endRecord();
        return i + 1;
      }
      if (this.state === State.QuoteInQuoted) throw this.textAfterQuote("\r");
      this.field += "\r";
      this.state = State.Unquoted;
    }
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quoteOpenedOnRow = this.row;
            segment = i + 1;
          } else if (c === delimiter) {
            this.fields.push("");
          } else if (c === LF) {
            this.endRecord();
            return i + 1;
          } else if (c === CR) {
            if (i + 1 === length) {
              this.pendingCR = true;
              return length;
            }
            if (text.charCodeAt(i + 1) === LF) {
              this.endRecord();
              return i + 2;
            }
            this.state = State.Unquoted;
            segment = i;
          } else {
            this.state = State.Unquoted;
            segment = i;
          }
          break;
        case State.Unquoted:
          if (c === delimiter) {
            this.fields.push(this.field + text.slice(segment, i));
            this.field = "";
            this.state = State.FieldStart;
          } else if (c === LF) {
            this.field += text.slice(segment, i);
            this.endRecord();
            return i + 1;
          } else if (c === CR) {
            if (i + 1 === length) {
              this.field += text.slice(segment, i);
              this.pendingCR = true;
              return length;
            }
            if (text.charCodeAt(i + 1) === LF) {
              this.field += text.slice(segment, i);
              this.endRecord();
              return i + 2;
            }
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.field += text.slice(segment, i);
            this.state = State.QuoteInQuoted;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            segment = i + 1;
          } else if (c === delimiter) {
            this.fields.push(this.field);
            this.field = "";
            this.state = State.FieldStart;
          } else if (c === LF) {
            this.endRecord();
            return i + 1;
          } else if (c === CR) {
            if (i + 1 === length) {
              this.pendingCR = true;
              return length;
            }
            if (text.charCodeAt(i + 1) !== LF) throw this.textAfterQuote("\r");
            this.endRecord();
            return i + 2;
          } else {
            throw this.textAfterQuote(text[i]!);
          }
          break;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += text.slice(segment, length);
    return length;
  }

  private textAfterQuote(found: string) {
    return new PredictionsCsvError(
      "text_after_quote",
      `Row ${this.row}, field ${this.fields.length + 1}: a quoted field must end at a delimiter or the end of the line, but ${JSON.stringify(found)} follows its closing quote. Write a quote inside a quoted field as "".`,
      { row: this.row },
    );
  }

  private endRecord(): void {
    if (this.state === State.FieldStart && this.fields.length === 0) {
      this.row++; // a blank line
      return;
    }
    const fields = this.fields;
    fields.push(this.field);
    this.fields = [];
    this.field = "";
    this.state = State.FieldStart;
    this.onRow(fields, this.row++);
  }
}

export type TCsvRow = { row: number; fields: string[] };

/** Parses a whole input (one string or byte array, or chunks of them) into rows: for tests and small files. */
export function parseCsv(input: string | Uint8Array | Iterable<string | Uint8Array>, options: { delimiter?: TCsvDelimiter | "auto" } = {}): TCsvRow[] {
  const rows: TCsvRow[] = [];
  const parser = new CsvParser({ ...options, onRow: (fields, row) => rows.push({ row, fields }) });
  const chunks = typeof input === "string" || input instanceof Uint8Array ? [input] : input;
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
