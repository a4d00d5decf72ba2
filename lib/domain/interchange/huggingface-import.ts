import { parseDocument, stringify } from "yaml";
import { emptyModelCard, fieldValueSchema } from "../model-card/schema";
import { sectionOf, type TCardField, type TCardSection, type TModelCard, type TModelCardValue } from "../model-card/template";
import { isRecord, sameValue } from "../model-card/values";
import { leadField, resolveHeading, TITLE_PREFIX } from "./huggingface-headings";
import { splitAtHeadings, type TBlock } from "./markdown";

/** A card that cannot be read; line is 1-based in the uploaded file. */
export class HuggingFaceCardError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "HuggingFaceCardError";
  }
}

export interface THuggingFaceImport {
  /** Not yet validated as a whole: saving validates it like any other card (notes may be long). */
  card: TModelCard;
  /** What went to additionalInformation.notes because nothing else held it: headings and front-matter keys. */
  unmapped: string[];
  /**
   * Front-matter keys Attest derives from records other than the card: model tags, dataset
   * references, evaluation results. They are handed back rather than written into notes,
   * where every export → import cycle would copy them again; the caller decides what to do.
   */
  linked: { tags?: unknown; datasets?: unknown; metrics?: unknown; modelIndex?: unknown };
}

const LINKED_KEYS: Record<string, keyof THuggingFaceImport["linked"]> = { tags: "tags", datasets: "datasets", metrics: "metrics", "model-index": "modelIndex" };

// The Hub's template fills every section with an HTML comment and this placeholder: not content.
const PLACEHOLDER = "[More Information Needed]";
const isScaffolding = (text: string) => {
  const visible = text.replace(/<!--[\s\S]*?-->/g, "").trim();
  return visible === "" || visible === PLACEHOLDER;
};

export function fromHuggingFaceCard(markdown: string): THuggingFaceImport {
  const text = markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const { metadata, body, bodyLine } = splitFrontMatter(text);
  const target = new CardUnderImport();
  target.readMetadata(metadata);
  target.readBody(splitAtHeadings(body, bodyLine));
  return target.result();
}

class CardUnderImport {
  private readonly card: Record<string, Record<string, TModelCardValue>> = emptyModelCard();
  private readonly kept: string[] = [];
  private readonly unmapped: string[] = [];
  private readonly linked: THuggingFaceImport["linked"] = {};

  readMetadata(metadata: Record<string, unknown>): void {
    const rest: Record<string, unknown> = {};
    const { license, license_name: licenseName } = metadata;
    for (const [key, value] of Object.entries(metadata)) {
      if (LINKED_KEYS[key]) this.linked[LINKED_KEYS[key]] = value;
      else if (key === "license" && typeof value === "string") {
        this.put("modelDetails", "license", value === "other" && typeof licenseName === "string" ? licenseName : value, "license");
      } else if (!(key === "license_name" && license === "other" && typeof value === "string")) rest[key] = value;
    }
    if (Object.keys(rest).length === 0) return;
    this.kept.push(`Hugging Face metadata with no field in this card:\n\n\`\`\`yaml\n${stringify(rest, { lineWidth: 0 })}\`\`\``);
    this.unmapped.push(...Object.keys(rest).map((key) => `front matter: ${key}`));
  }

  readBody(blocks: TBlock[]): void {
    const [preamble, ...headed] = blocks;
    if (!isScaffolding(preamble.text)) this.keep("text before the first heading", preamble.text);
    // The title is the only level-1 heading; a card that uses level 1 for its sections has none.
    if (headed[0]?.heading?.level === 1 && headed.filter((b) => b.heading?.level === 1).length === 1) {
      const [title, ...rest] = headed;
      const name = title.heading!.text.toLowerCase().startsWith(TITLE_PREFIX.toLowerCase())
        ? title.heading!.text.slice(TITLE_PREFIX.length).trim()
        : title.heading!.text;
      if (name !== "") this.put("modelDetails", "name", name, "title");
      if (!isScaffolding(title.text)) this.put("modelDetails", "description", title.text, "text under the title");
      this.readSections(rest);
    } else this.readSections(headed);
  }

  private readSections(blocks: TBlock[]): void {
    let current: { section: TCardSection; level: number } | null = null;
    for (const { heading, text } of blocks) {
      const { level, text: title } = heading!;
      const target = resolveHeading(title, current?.section ?? null);
      if (target === null) {
        // An unknown heading at the level of the section being read (or above) ends that section.
        if (current && level <= current.level) current = null;
        if (!isScaffolding(text)) this.keep(title, text);
        continue;
      }
      if (target.field === null || current?.section !== target.section) current = { section: target.section, level };
      if (isScaffolding(text)) continue;
      const field = target.field ?? leadField(target.section);
      if (field) this.putField(target.section, field, text, title);
      else this.keep(title, text);
    }
  }

  private put(sectionKey: string, fieldKey: string, text: string, source: string): void {
    const section = sectionOf(sectionKey)!;
    this.putField(section, section.fields.find((f) => f.key === fieldKey)!, text, source);
  }

  /** A value that does not fit its field (too long, not a list, not an email…) is kept in notes instead. */
  private putField(section: TCardSection, field: TCardField, text: string, source: string): void {
    const parsed = fieldValueSchema(field).safeParse(field.type === "list" ? listItems(text) : text);
    if (!parsed.success || parsed.data === undefined) return this.keep(source, text);
    const content = this.card[section.key];
    const existing = content[field.key];
    if (existing === undefined) content[field.key] = parsed.data;
    else if (sameValue(existing, parsed.data)) return;
    else if (field.type === "longtext" && fieldValueSchema(field).safeParse(`${existing}\n\n${parsed.data}`).success) {
      // Hub cards often split one topic over several headings (Citation: BibTeX, APA).
      content[field.key] = `${existing}\n\n${parsed.data}`;
    } else this.keep(source, text);
  }

  private keep(source: string, text: string): void {
    this.kept.push(`**${source}**\n\n${text}`);
    this.unmapped.push(source);
  }

  result(): THuggingFaceImport {
    const notes = [this.card.additionalInformation.notes, ...this.kept].filter((part) => part !== undefined);
    if (notes.length > 0) this.card.additionalInformation.notes = notes.join("\n\n");
    return { card: this.card as TModelCard, unmapped: this.unmapped, linked: this.linked };
  }
}

/** "- a\n- b" (also * and +) is a list; a single line is a one-item list; other prose is not a list. */
function listItems(text: string): string[] | null {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const items = lines.map((line) => /^ {0,3}[-*+][ \t]+(.*)$/.exec(line)?.[1]);
  if (items.every((item) => item !== undefined)) return items as string[];
  return lines.length === 1 ? lines : null;
}

function splitFrontMatter(text: string): { metadata: Record<string, unknown>; body: string; bodyLine: number } {
  const lines = text.split("\n");
  if (lines[0].trimEnd() !== "---") return { metadata: {}, body: text, bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === "---" || line.trimEnd() === "..."));
  if (end === -1) throw new HuggingFaceCardError("The YAML front matter that starts on line 1 is never closed: end it with a line of three dashes (---).", 1);
  const document = parseDocument(lines.slice(1, end).join("\n"));
  const error = document.errors[0];
  if (error) {
    // The YAML starts on the file's second line, after the opening ---.
    const line = 1 + (error.linePos?.[0].line ?? 1);
    throw new HuggingFaceCardError(`The YAML front matter is malformed at line ${line}: ${error.message.split(" at line ")[0]}.`, line);
  }
  const metadata: unknown = document.toJS() ?? {};
  if (!isRecord(metadata)) throw new HuggingFaceCardError("The YAML front matter must be a set of key: value lines (line 2).", 2);
  return { metadata, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}
