import { Alert } from "@/components/ui/alert";
import type { ApiError } from "@/lib/api/client";

/**
 * The alert above a form: the server's message, plus any field message the form has no control
 * to show it beside (so nothing the server said is ever swallowed).
 */
export function FormError({ error, shownFields = [], className }: { error: ApiError | null; shownFields?: readonly string[]; className?: string }) {
  if (!error) return null;
  const unshown = Object.entries(error.fields).filter(([field]) => !shownFields.includes(field));
  return (
    <Alert tone="danger" className={className}>
      <p>{error.message}</p>
      {unshown.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {unshown.map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
