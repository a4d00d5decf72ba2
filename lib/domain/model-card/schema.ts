import { z } from "zod";
import { MAX_LIST_ITEMS, MODEL_CARD_TEMPLATE, SECTION_KEYS, type TCardField, type TCardSection, type TModelCard } from "./template";
import { isRecord } from "./values";

/*
 * The card's zod schema, generated from the template so that the two cannot drift apart.
 * Parsing also normalises, so that one meaning has one stored form (and one content hash):
 * line breaks become \n, text is trimmed, blank list items are dropped, empty fields
 * (including "" and null, which is how a form clears a field) are left out, and every
 * section is present, possibly as {}.
 */

const normaliseLineBreaks = (text: string) => text.replace(/\r\n?/g, "\n");
const isSingleLine = (text: string) => !text.includes("\n");
// Only web addresses: a card's links are rendered as links, and javascript: or data: must never be one.
const isWebAddress = (text: string) => z.url({ protocol: /^https?$/ }).safeParse(text).success;
const isEmailAddress = (text: string) => z.email().safeParse(text).success;
const isCalendarDate = (text: string) => z.iso.date().safeParse(text).success;

function textSchema(field: TCardField) {
  const { label, maxLength } = field;
  let text = z
    .string({ error: `${label} must be text.` })
    .overwrite(normaliseLineBreaks)
    .trim()
    .max(maxLength, `${label} must be at most ${maxLength} characters.`);
  if (field.type !== "longtext") text = text.refine(isSingleLine, `${label} must be a single line.`);
  const format = {
    url: { valid: isWebAddress, message: `${label} must be a web address starting with https:// or http://.` },
    email: { valid: isEmailAddress, message: `${label} must be an email address, like team@example.com.` },
    date: { valid: isCalendarDate, message: `${label} must be a date written as YYYY-MM-DD.` },
  }[field.type as "url" | "email" | "date"];
  if (format) text = text.refine((value) => value === "" || format.valid(value), format.message);
  return text.nullish().transform((value) => (value ? value : undefined));
}

function listSchema(field: TCardField) {
  const { label, maxLength } = field;
  const item = z
    .string({ error: `Each item of ${label} must be text.` })
    .overwrite(normaliseLineBreaks)
    .trim()
    .max(maxLength, `Each item of ${label} must be at most ${maxLength} characters.`)
    .refine(isSingleLine, `Each item of ${label} must be a single line.`);
  return z
    .array(item, { error: `${label} must be a list of texts.` })
    .max(MAX_LIST_ITEMS, `${label} can have at most ${MAX_LIST_ITEMS} items.`)
    .nullish()
    .transform((items) => {
      const filled = (items ?? []).filter((entry) => entry !== "");
      return filled.length > 0 ? filled : undefined;
    });
}

/** An object whose keys must all be known; each unknown key gets its own issue at its own path. */
function knownKeysObject<T extends z.ZodRawShape>(shape: T, notAnObject: string, unknownKey: (key: string) => string) {
  return z.looseObject(shape, { error: notAnObject }).superRefine(
    (value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(shape, key)) ctx.addIssue({ code: "custom", path: [key], message: unknownKey(key) });
      }
    },
    // Also when a known field is invalid, so that one response names every problem.
    { when: (payload) => isRecord(payload.value) },
  );
}

/** One field's value: text or list, normalised; undefined when empty. Imports use it to test a value fits. */
export function fieldValueSchema(field: TCardField) {
  return field.type === "list" ? listSchema(field) : textSchema(field);
}

function sectionSchema(section: TCardSection) {
  const shape = Object.fromEntries(section.fields.map((f) => [f.key, fieldValueSchema(f)]));
  const fieldKeys = section.fields.map((f) => f.key).join(", ");
  return knownKeysObject(
    shape,
    `${section.title} must be an object of fields.`,
    (key) => `Unknown field "${key}" in ${section.title}. Its fields are: ${fieldKeys}.`,
  )
    .nullish()
    .transform((content) => {
      const kept: Record<string, unknown> = {};
      for (const f of section.fields) if (content?.[f.key] !== undefined) kept[f.key] = content[f.key];
      return kept;
    });
}

// The shape is built at run time from the template, so zod cannot infer TModelCard; the type
// is derived from the same template (template.ts), and the tests parse every field both ways.
export const ZModelCardSchema = knownKeysObject(
  Object.fromEntries(MODEL_CARD_TEMPLATE.map((s) => [s.key, sectionSchema(s)])),
  "A model card must be a JSON object whose keys are its sections.",
  (key) => `Unknown section "${key}". The sections are: ${SECTION_KEYS.join(", ")}.`,
).transform((card) => Object.fromEntries(SECTION_KEYS.map((key) => [key, card[key]]))) as unknown as z.ZodType<TModelCard, unknown>;

export function emptyModelCard(): TModelCard {
  return Object.fromEntries(SECTION_KEYS.map((key) => [key, {}])) as TModelCard;
}
