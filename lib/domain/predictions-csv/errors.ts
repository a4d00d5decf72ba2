export type TPredictionsCsvErrorCode =
  | "invalid_utf8"
  | "unclosed_quote"
  | "text_after_quote"
  | "empty_file"
  | "header_only"
  | "invalid_mapping"
  | "missing_column"
  | "ambiguous_column"
  | "ragged_row"
  | "empty_label"
  | "unexpected_label"
  | "non_numeric_score"
  | "too_many_scores"
  | "single_group"
  | "positive_label_absent";

/**
 * A predictions file that cannot be evaluated, with what the user needs to fix it: the message
 * names the problem, and where there is one, the row (1-based, the header is row 1), the column
 * and the offending value, which are also given as fields for the API's error details.
 */
export class PredictionsCsvError extends Error {
  readonly code: TPredictionsCsvErrorCode;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;

  constructor(code: TPredictionsCsvErrorCode, message: string, where: { row?: number; column?: string; value?: string } = {}) {
    super(message);
    this.name = "PredictionsCsvError";
    this.code = code;
    this.row = where.row ?? null;
    this.column = where.column ?? null;
    this.value = where.value ?? null;
  }
}

/** A value quoted for a message, with invisible characters made visible ("a\tb", "\u00a0"). */
export const quote = (value: string): string => JSON.stringify(value);
