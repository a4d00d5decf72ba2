"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiError } from "@/lib/api/client";

/**
 * A mutation against /api/v1 whose success re-renders the server components on the page (the
 * pages read the database; the route handler changed it), with the error split for the form:
 * field messages go beside their fields, the rest into an alert.
 */
export function useApiMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  onSuccess?: (result: TResult, variables: TVariables) => void,
) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn,
    onSuccess: (result, variables) => {
      onSuccess?.(result, variables);
      router.refresh();
    },
  });
  const error = mutation.error === null ? null : mutation.error instanceof ApiError ? mutation.error : new ApiError(0, "unknown", mutation.error.message);
  return { ...mutation, error, fieldErrors: error?.fields ?? {} };
}
