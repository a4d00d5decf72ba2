/** A PDF handed out as a download: never cached, never shown inline, with its SHA-256 and id alongside. */
export function pdfResponse(bytes: Uint8Array, fileName: string, document: { id: string; sha256: string }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.\-]+/g, "_")}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "no-store",
      "X-Content-SHA256": document.sha256,
      "X-Document-Id": document.id,
    },
  });
}
