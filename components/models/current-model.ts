import { cache } from "react";
import { getDb } from "@/db/instance";
import { modelBySlug } from "@/lib/services/models/queries";

/**
 * The model a /models/[slug] request is about, read once per request however many of the
 * layout, the page and their metadata ask for it.
 */
export const currentModel = cache(async (slug: string) => modelBySlug(await getDb(), slug));

export type CurrentModel = NonNullable<Awaited<ReturnType<typeof currentModel>>>;
