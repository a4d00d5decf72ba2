import type { EvaluationResponse } from "@/lib/services/evaluations/queries";

/** rows is null until the server's first progress line has arrived. */
export type UploadProgress = { bytesSent: number; bytesTotal: number; rows: number | null; phase: "sending" | "evaluating" };

export type UploadFailure = {
  status: number;
  code: string;
  message: string;
  /** Where in the file, for problems with its content (row 1 is the header). */
  row: number | null;
  column: string | null;
  value: string | null;
};

export type UploadRequest = {
  url: string;
  file: File;
  contentType: string;
  onProgress: (progress: UploadProgress) => void;
};

type ErrorShape = { code?: string; message?: string; details?: { code?: string; row?: number | null; column?: string | null; value?: string | null } };

type StreamLine =
  | { type: "progress"; bytes: number; rows: number }
  | { type: "result"; status: number; evaluation: EvaluationResponse }
  | { type: "error"; status: number; error: ErrorShape };

function failure(status: number, error: ErrorShape | undefined, fallback: string): UploadFailure {
  const details = error?.details;
  return {
    status,
    code: details?.code ?? error?.code ?? "unknown",
    message: error?.message ?? fallback,
    row: details?.row ?? null,
    column: details?.column ?? null,
    value: details?.value ?? null,
  };
}

/**
 * Sends a predictions file with XMLHttpRequest, because fetch reports no upload progress. The
 * File is the body, so the browser streams it from disk. The server answers in NDJSON while it
 * counts ({"type":"progress"} lines, then one result or error line); the lines are read from
 * responseText as they arrive. Chromium reads a response only once the request body is sent, so
 * while the file is still going up the row count comes from polling GET /api/v1/uploads/{id},
 * where the server records how far it has counted the upload named by X-Upload-Id. Resolves with
 * the evaluation or rejects with an UploadFailure; abort() cancels.
 */
export function uploadPredictions({ url, file, contentType, onProgress }: UploadRequest): { done: Promise<EvaluationResponse>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<EvaluationResponse>((resolve, reject) => {
    let consumed = 0;
    let rows: number | null = null;
    let bytesSent = 0;
    let settled = false;
    let phase: UploadProgress["phase"] = "sending";
    let poll: ReturnType<typeof setInterval> | undefined;
    const report = () => onProgress({ bytesSent, bytesTotal: file.size, rows, phase });
    const settle = (outcome: { ok: true; evaluation: EvaluationResponse } | { ok: false; failure: UploadFailure }) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      if (outcome.ok) resolve(outcome.evaluation);
      else reject(outcome.failure);
    };

    /** Handles every complete line received since the last call. */
    const readLines = () => {
      if (xhr.status !== 200) return; // an ordinary JSON error (401, 403, 413, 415…), read on load
      const text = xhr.responseText;
      let end = text.indexOf("\n", consumed);
      while (end !== -1) {
        const line = text.slice(consumed, end).trim();
        consumed = end + 1;
        end = text.indexOf("\n", consumed);
        if (!line) continue;
        let message: StreamLine;
        try {
          message = JSON.parse(line) as StreamLine;
        } catch {
          continue;
        }
        if (message.type === "progress") {
          rows = message.rows;
          report();
        } else if (message.type === "result") {
          settle({ ok: true, evaluation: message.evaluation });
        } else if (message.type === "error") {
          settle({ ok: false, failure: failure(message.status, message.error, "The file could not be evaluated.") });
        }
      }
    };

    xhr.upload.onprogress = (event) => {
      bytesSent = event.loaded;
      report();
    };
    xhr.upload.onload = () => {
      bytesSent = file.size;
      phase = "evaluating";
      report();
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      readLines();
      if (settled) return;
      let body: { error?: ErrorShape } | null = null;
      try {
        body = JSON.parse(xhr.responseText) as { error?: ErrorShape };
      } catch {
        body = null;
      }
      settle({ ok: false, failure: failure(xhr.status, body?.error, xhr.status === 200 ? "The server ended the upload without a result. Try again." : `The upload failed (HTTP ${xhr.status}).`) });
    };
    xhr.onerror = () => settle({ ok: false, failure: failure(0, { code: "network", message: "The connection to Attest was lost during the upload. Check your connection and try again." }, "") });
    xhr.onabort = () => settle({ ok: false, failure: failure(0, { code: "aborted", message: "The upload was cancelled. Nothing was stored." }, "") });

    const uploadId = crypto.randomUUID();
    poll = setInterval(async () => {
      if (settled || phase !== "sending") return;
      const response = await fetch(`/api/v1/uploads/${uploadId}`, { cache: "no-store" }).catch(() => null);
      const progress = response?.ok ? ((await response.json()) as { rows: number }) : null;
      if (progress && !settled && (rows === null || progress.rows > rows)) {
        rows = progress.rows;
        report();
      }
    }, 400);

    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", contentType);
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.setRequestHeader("X-Upload-Id", uploadId);
    xhr.send(file);
    report();
  });
  return { done, abort: () => xhr.abort() };
}
