import { describe, expect, it } from "vitest";
import { AUDIT_ENTITY_TYPES, entityTypeLabel } from "@/components/audit/vocabulary";

// The audit log's lists and filters name entity types in words; a new type must read like the rest.
describe("audit entity type labels", () => {
  it("are sentence case without underscores, for every type an event can name", () => {
    expect(AUDIT_ENTITY_TYPES.length).toBeGreaterThan(10);
    for (const type of AUDIT_ENTITY_TYPES) {
      const label = entityTypeLabel(type);
      expect(label, type).toMatch(/^[A-Z][A-Za-z ]*$/);
      expect(label.toLowerCase(), type).toBe(type.replace(/_/g, " "));
    }
  });

  it("spell acronyms as acronyms", () => {
    expect(entityTypeLabel("api_token")).toBe("API token");
    expect(entityTypeLabel("risk_classification")).toBe("Risk classification");
  });
});
