import { CsvParser, type TCsvDelimiter } from "./csv-parser";
import { PredictionAccumulator, type TAccumulatedPredictions } from "./accumulator";
import type { TColumnMapping } from "./mapping";

export type TPredictionsCsvOptions = { delimiter?: TCsvDelimiter | "auto"; maxDistinctScores?: number };

/**
 * A predictions file read as it streams in: push() each chunk as it arrives (bytes or text, cut
 * anywhere), end() for the counts. Throws PredictionsCsvError at the first problem, so a caller
 * can stop reading there. Holds no rows: memory is the group tables and the score histogram.
 */
export class PredictionsCsvReader {
  private readonly accumulator: PredictionAccumulator;
  private readonly parser: CsvParser;
  private bytes = 0;

  constructor(mapping: TColumnMapping, options: TPredictionsCsvOptions = {}) {
    this.accumulator = new PredictionAccumulator(mapping, { maxDistinctScores: options.maxDistinctScores });
    this.parser = new CsvParser({ delimiter: options.delimiter, onRow: this.accumulator.onRow });
  }

  push(chunk: Uint8Array | string): void {
    this.bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
    this.parser.push(chunk);
  }

  end(): TAccumulatedPredictions {
    this.parser.end();
    return this.accumulator.finish();
  }

  /** Progress: data rows counted so far. */
  get rowsProcessed(): number {
    return this.accumulator.rows;
  }

  /** Progress: bytes (or, for text chunks, UTF-16 code units) pushed so far. */
  get bytesProcessed(): number {
    return this.bytes;
  }
}

/** Reads a whole stream of chunks (a web ReadableStream, a Node stream, an array). */
export async function readPredictionsCsv(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  mapping: TColumnMapping,
  options: TPredictionsCsvOptions = {},
): Promise<TAccumulatedPredictions> {
  const reader = new PredictionsCsvReader(mapping, options);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.end();
}
