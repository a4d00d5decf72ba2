import { CsvParser, type TCsvDelimiter } from "@/lib/domain/predictions-csv/csv-parser";
import { PredictionsCsvError } from "@/lib/domain/predictions-csv/errors";

export type CsvPreview = {
  header: string[];
  delimiter: TCsvDelimiter;
  /** The distinct values of each column in the sampled rows (at most SAMPLE_VALUES per column). */
  values: Record<string, string[]>;
  sampledRows: number;
};

const PREVIEW_BYTES = 256 * 1024;
const SAMPLE_ROWS = 200;
const SAMPLE_VALUES = 50;

/**
 * The header and the first ~200 rows of a predictions file, read from its first 256 KB only
 * (file.slice), so choosing a 500 MB file costs nothing before the upload. The same parser as
 * the server's reads them, so the columns offered are exactly the names the server will see.
 * A record cut off by the slice is never delivered: the parser only emits complete records.
 */
export async function previewCsv(file: File): Promise<CsvPreview> {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const rows: string[][] = [];
  const parser = new CsvParser({ onRow: (fields) => rows.length <= SAMPLE_ROWS && rows.push(fields) });
  try {
    parser.push(bytes);
    if (file.size <= PREVIEW_BYTES) parser.end();
  } catch (error) {
    // A problem after the header (an unclosed quote in row 150, say) is the server's to report
    // with its row and column; a file whose header cannot be read is reported now.
    if (!(error instanceof PredictionsCsvError) || rows.length === 0) throw error;
  }
  const [header, ...data] = rows;
  if (!header || header.every((name) => name === "")) throw new Error("The file is empty: the first line should name the columns.");
  const values: Record<string, string[]> = {};
  header.forEach((name, i) => {
    const seen = new Set<string>();
    for (const row of data) {
      if (seen.size >= SAMPLE_VALUES) break;
      const value = row[i];
      if (value !== undefined) seen.add(value);
    }
    values[name] = [...seen].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  });
  return { header, delimiter: parser.chosenDelimiter ?? ",", values, sampledRows: data.length };
}

const GUESSES: Record<"label" | "prediction" | "score", RegExp> = {
  label: /^(y|y_?true|label|labels|true_?label|target|actual|ground_?truth|outcome)$/i,
  prediction: /^(y_?pred|y_?hat|pred|prediction|predicted|predicted_?label|decision)$/i,
  score: /^(score|scores|y_?score|prob|proba|probability|y_?prob|y_?proba)$/i,
};
const SENSITIVE_GUESS = /^(sex|gender|race|ethnicity|age|age_?group|age_?band|religion|disability|nationality|marital_?status)$/i;

/** A first guess at the mapping from common column names; every guess is shown and can be changed. */
export function guessMapping(header: string[]) {
  const find = (pattern: RegExp) => header.find((name) => pattern.test(name.trim())) ?? "";
  const label = find(GUESSES.label);
  const prediction = find(GUESSES.prediction);
  const score = find(GUESSES.score);
  const sensitive = header.filter((name) => SENSITIVE_GUESS.test(name.trim()) && ![label, prediction, score].includes(name));
  return { label, prediction, score, sensitive };
}
