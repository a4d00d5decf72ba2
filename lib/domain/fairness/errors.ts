/** Counts or options that cannot describe an evaluation (posted by a pipeline, or a caller's bug). */
export class FairnessInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FairnessInputError";
  }
}
