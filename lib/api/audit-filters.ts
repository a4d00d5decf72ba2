import { z } from "zod";
import type { AuditFilters } from "@/lib/services/audit/queries";

// A datetime-local input sends no offset; the audit page shows times in UTC, so a bare date-time
// means UTC (new Date() alone would read it in the server's own time zone).
const instant = (v: string | undefined) => (v ? new Date(/T/.test(v) && !/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(v) ? `${v}Z` : v) : undefined);

/** The audit page's filters as URL parameters: shared by the page, the export and the API. */
export const ZAuditFiltersSchema = z.object({
  actor: z.string().trim().max(254).optional().transform((v) => v || undefined),
  action: z.string().trim().max(80).optional().transform((v) => v || undefined),
  entityType: z.string().trim().max(80).optional().transform((v) => v || undefined),
  entityId: z.string().trim().max(200).optional().transform((v) => v || undefined),
  from: z.string().optional().transform(instant).refine((d) => !d || !Number.isNaN(d.getTime()), "Enter a valid start date."),
  to: z.string().optional().transform(instant).refine((d) => !d || !Number.isNaN(d.getTime()), "Enter a valid end date."),
}) satisfies z.ZodType<AuditFilters>;
