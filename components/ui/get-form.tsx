"use client";

import { useRouter } from "next/navigation";
import type { FormEvent, FormHTMLAttributes } from "react";

/**
 * A GET form whose URL keeps only the fields that say something: "?tier=high", not
 * "?q=&tier=high&stage=…". Without JavaScript it still submits as a plain GET form.
 */
export function GetForm({ action, ...props }: FormHTMLAttributes<HTMLFormElement> & { action: string }) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
    const search = params.toString();
    router.push(search ? `${action}?${search}` : action);
  }
  return <form method="get" action={action} onSubmit={onSubmit} {...props} />;
}
