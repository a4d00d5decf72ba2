import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { uploadProgress } from "@/db/schema";

const REPORT_EVERY_MS = 250;
// Progress of uploads long finished is of no use to anyone.
const FORGET_AFTER_MS = 60 * 60_000;

/**
 * Records an upload's progress (bytes received, rows counted) at most four times a second, in
 * PostgreSQL so that the browser's poll may reach any app instance. Writes are fire-and-forget:
 * losing a progress tick must never fail the upload.
 */
export function uploadProgressReporter(db: Db, uploadId: string, userId: string) {
  let last = 0;
  const write = (bytes: number, rows: number) =>
    db
      .insert(uploadProgress)
      .values({ id: uploadId, userId, bytes, rows, updatedAt: new Date() })
      .onConflictDoUpdate({ target: uploadProgress.id, set: { bytes, rows, updatedAt: new Date() }, where: eq(uploadProgress.userId, userId) })
      .catch(() => undefined);
  void db.delete(uploadProgress).where(lt(uploadProgress.updatedAt, new Date(Date.now() - FORGET_AFTER_MS))).catch(() => undefined);
  return ({ bytes, rows }: { bytes: number; rows: number }) => {
    if (Date.now() - last < REPORT_EVERY_MS) return;
    last = Date.now();
    void write(bytes, rows);
  };
}

/** An upload's progress, for the user who is uploading it only. */
export async function readUploadProgress(db: Db, uploadId: string, userId: string) {
  const [row] = await db.select({ bytes: uploadProgress.bytes, rows: uploadProgress.rows, updatedAt: uploadProgress.updatedAt }).from(uploadProgress).where(and(eq(uploadProgress.id, uploadId), eq(uploadProgress.userId, userId)));
  return row ?? null;
}
