/** How each kind of issued document is named to people. */
export const DOCUMENT_KIND_LABELS: Record<string, string> = { technical_documentation: "Technical documentation (EU AI Act Annex IV)", portfolio: "Portfolio report" };
