import { describe, expect, it } from "vitest";
import { CREDIT_SCORING_CARD } from "../model-card/example-cards";
import { ZModelCardSchema } from "../model-card/schema";
import { MODEL_CARD_TEMPLATE, type TCardSection } from "../model-card/template";
import { fromHuggingFaceCard, HuggingFaceCardError, toHuggingFaceCard, type THuggingFaceExportInput } from "./huggingface";
import { resolveHeading } from "./huggingface-headings";

const FULL: THuggingFaceExportInput = {
  card: CREDIT_SCORING_CARD,
  model: { name: "Credit default", slug: "credit-default", purpose: "Scores loan applicants.", tags: ["credit", "tabular", "credit"] },
  version: { version: "3.2.0" },
  datasets: [
    { role: "training", name: "loans", version: "v7", uri: "dvc://data/loans" },
    { role: "test", name: "loans-2024", version: "v7-test" },
  ],
  latestEvaluation: { name: "Q4 holdout", metrics: [{ type: "roc_auc", value: 0.81, name: "ROC AUC" }, { type: "brier", value: 0.07 }] },
};

/** A sparse card whose values look like Markdown structure. */
const SPARSE: THuggingFaceExportInput = {
  card: ZModelCardSchema.parse({
    modelDetails: { name: "Fraud # detector", contact: "fraud@bank.eu" },
    intendedUse: { primaryUses: "# Step 1\nFlag card payments for review.\n```\nunclosed" },
    factors: { relevantGroups: ["# not a heading", "- dash"] },
  }),
  model: { name: "Fraud", slug: "fraud", purpose: null, tags: [] },
  version: { version: "0.1.0" },
  datasets: [],
  latestEvaluation: null,
};

const SPARSE_README = `# Model card for Fraud # detector

## Model details

### Version

0.1.0

### Contact

fraud@bank.eu

## Intended use

### Primary intended uses

\\# Step 1
Flag card payments for review.
\\\`\`\`
unclosed

## Factors

### Relevant groups

- # not a heading
- - dash
`;

/** Every kind of value that could be mistaken for structure, in one card. */
const TRICKY = ZModelCardSchema.parse({
  ...CREDIT_SCORING_CARD,
  modelDetails: { ...CREDIT_SCORING_CARD.modelDetails, name: "Model card for 信用 scorer ✓", description: "# Summary\n\nCrédit — **bold** <script>alert(1)</script>", license: "Apache-2.0" },
  intendedUse: { primaryUses: "## Uses\n\\# escaped already\n   ### indented heading\n---\n- looks like a list", primaryUsers: ["#1 analysts", "名前 ユーザー"] },
  quantitativeAnalyses: { summary: "```python\n# comment inside code\nprint('ok')\n```\n\n~~~\nunclosed tilde\n## swallowed?" },
  additionalInformation: { notes: "**Training Procedure**\n\n# heading in notes\n\n<!-- a comment --> right-to-left: مرحبا\n\n| a | b |\n|---|---|" },
});

describe("toHuggingFaceCard", () => {
  it("writes a sparse card with escaped values and no front matter when there is no metadata", () => {
    expect(toHuggingFaceCard(SPARSE)).toBe(SPARSE_README);
  });

  it("writes the Hub metadata: licence, tags, datasets, metrics and a model-index from the latest evaluation", () => {
    const readme = toHuggingFaceCard(FULL);
    expect(readme.slice(0, readme.indexOf("\n# "))).toBe(`---
license: other
license_name: Proprietary, internal use only
tags:
  - credit
  - tabular
datasets:
  - loans
  - loans-2024
metrics:
  - roc_auc
  - brier
model-index:
  - name: Retail credit default scorer
    results:
      - task:
          type: tabular-classification
          name: Supervised binary classification
        dataset:
          type: loans-2024
          name: loans-2024
          split: test
          revision: v7-test
        metrics:
          - type: roc_auc
            value: 0.81
            name: ROC AUC
          - type: brier
            value: 0.07
        source:
          name: "Attest evaluation: Q4 holdout"
---
`);
  });

  it("writes an SPDX licence as is", () => {
    const readme = toHuggingFaceCard({ ...SPARSE, card: { ...SPARSE.card, modelDetails: { ...SPARSE.card.modelDetails, license: "apache-2.0" } } });
    expect(readme.startsWith("---\nlicense: apache-2.0\n---\n\n# Model card for Fraud # detector\n")).toBe(true);
  });

  it("puts sections and fields in template order under their titles and labels", () => {
    const headings = toHuggingFaceCard(FULL).split("\n").filter((line) => /^#{1,3} /.test(line));
    const expected = (MODEL_CARD_TEMPLATE as readonly TCardSection[]).flatMap((s) => [
      `## ${s.title}`,
      ...s.fields.filter((f) => !(s.key === "modelDetails" && ["name", "description"].includes(f.key))).map((f) => `### ${f.label}`),
    ]);
    expect(headings).toEqual(["# Model card for Retail credit default scorer", ...expected]);
  });

  it("falls back to the model's name, purpose and version label where the card is silent", () => {
    const readme = toHuggingFaceCard({ ...FULL, card: ZModelCardSchema.parse({}), latestEvaluation: null, datasets: [], model: { ...FULL.model, tags: [] } });
    expect(readme).toBe("# Model card for Credit default\n\nScores loan applicants.\n\n## Model details\n\n### Version\n\n3.2.0\n");
  });
});

describe("Hugging Face round trip", () => {
  it.each([
    ["a fully filled card", FULL, CREDIT_SCORING_CARD],
    ["a sparse card", SPARSE, ZModelCardSchema.parse({ ...SPARSE.card, modelDetails: { ...SPARSE.card.modelDetails, version: "0.1.0" } })],
    ["a card of Markdown-like, unicode and markup values", { ...FULL, card: TRICKY }, TRICKY],
  ])("export → import → export of %s is byte-stable and keeps every value", (_, input, card) => {
    const first = toHuggingFaceCard(input);
    const imported = fromHuggingFaceCard(first);
    expect(imported.unmapped).toEqual([]);
    expect(ZModelCardSchema.parse(imported.card)).toEqual(card);
    expect(toHuggingFaceCard({ ...input, card: imported.card })).toBe(first);
  });

  it("hands back the metadata Attest keeps outside the card", () => {
    expect(fromHuggingFaceCard(toHuggingFaceCard(FULL)).linked).toEqual({
      tags: ["credit", "tabular"],
      datasets: ["loans", "loans-2024"],
      metrics: ["roc_auc", "brier"],
      modelIndex: [
        {
          name: "Retail credit default scorer",
          results: [
            {
              task: { type: "tabular-classification", name: "Supervised binary classification" },
              dataset: { type: "loans-2024", name: "loans-2024", split: "test", revision: "v7-test" },
              metrics: [
                { type: "roc_auc", value: 0.81, name: "ROC AUC" },
                { type: "brier", value: 0.07 },
              ],
              source: { name: "Attest evaluation: Q4 holdout" },
            },
          ],
        },
      ],
    });
  });

  it("reads Windows line endings", () => {
    expect(fromHuggingFaceCard(SPARSE_README.replace(/\n/g, "\r\n")).card.intendedUse.primaryUses).toBe(
      "# Step 1\nFlag card payments for review.\n```\nunclosed",
    );
  });
});

const HUB_README = `---
language: en
license: apache-2.0
library_name: transformers
tags:
- sentiment
datasets:
- imdb
---

# Model Card for distilbert-imdb

Classifies movie reviews as positive or negative.

## Model Details

### Model Description

<!-- Provide a longer summary of what this model is. -->

- **Developed by:** Example Labs

## Uses

### Direct Use

Sentiment of English movie reviews.

### Downstream Use [optional]

<!-- This section is for the model use when fine-tuned for a task, or when plugged into a larger ecosystem/app -->

[More Information Needed]

### Out-of-Scope Use

Not for medical or legal text.

## Bias, Risks, and Limitations

Trained on reviews only; sarcasm is often misread.

### Recommendations

Review low-confidence predictions by hand.

## How to Get Started with the Model

\`\`\`python
# load the model
from transformers import pipeline
\`\`\`

## Training Details

### Training Data

IMDB, 25,000 labelled reviews.

### Training Procedure

#### Preprocessing [optional]

Lower-cased, truncated to 512 tokens.

#### Training Hyperparameters

- **Training regime:** fp16 mixed precision

## Evaluation

### Testing Data, Factors & Metrics

#### Testing Data

IMDB test split.

#### Metrics

Accuracy

### Results

Accuracy 0.93.

## Environmental Impact

Roughly 2 GPU hours on one A100.

## Citation

**BibTeX:**

@misc{imdb2026, title={distilbert-imdb}}

## Model Card Contact

Open an issue on the repository.
`;

describe("fromHuggingFaceCard on a card from the Hub", () => {
  const imported = fromHuggingFaceCard(HUB_README);

  it("maps front matter, the title and the Hub template's headings to card fields", () => {
    expect(ZModelCardSchema.parse(imported.card)).toEqual(
      ZModelCardSchema.parse({
        modelDetails: {
          name: "distilbert-imdb",
          description:
            "Classifies movie reviews as positive or negative.\n\n<!-- Provide a longer summary of what this model is. -->\n\n- **Developed by:** Example Labs",
          license: "apache-2.0",
          citation: "**BibTeX:**\n\n@misc{imdb2026, title={distilbert-imdb}}",
        },
        intendedUse: { primaryUses: "Sentiment of English movie reviews.", outOfScopeUses: "Not for medical or legal text." },
        metrics: { performanceMeasures: ["Accuracy"] },
        trainingData: { sources: "IMDB, 25,000 labelled reviews.", preprocessing: "Lower-cased, truncated to 512 tokens." },
        evaluationData: { sources: "IMDB test split." },
        quantitativeAnalyses: { summary: "Accuracy 0.93." },
        caveatsAndRecommendations: {
          knownLimitations: "Trained on reviews only; sarcasm is often misread.",
          recommendations: "Review low-confidence predictions by hand.",
        },
        requirements: { environmentalImpact: "Roughly 2 GPU hours on one A100." },
        deployerInstructions: { instructionsForUse: "```python\n# load the model\nfrom transformers import pipeline\n```" },
        additionalInformation: {
          notes:
            "Hugging Face metadata with no field in this card:\n\n```yaml\nlanguage: en\nlibrary_name: transformers\n```\n\n" +
            "**Training Hyperparameters**\n\n- **Training regime:** fp16 mixed precision\n\n" +
            "**Model Card Contact**\n\nOpen an issue on the repository.",
        },
      }),
    );
  });

  it("says what went to notes, and hands back tags and datasets", () => {
    expect(imported.unmapped).toEqual(["front matter: language", "front matter: library_name", "Training Hyperparameters", "Model Card Contact"]);
    expect(imported.linked).toEqual({ tags: ["sentiment"], datasets: ["imdb"] });
  });
});

describe("fromHuggingFaceCard", () => {
  it.each([
    ["a named licence", "---\nlicense: other\nlicense_name: Internal only\n---\n", { license: "Internal only" }, undefined],
    [
      "a licence that is a list",
      "---\nlicense: [mit, apache-2.0]\n---\n",
      {},
      "Hugging Face metadata with no field in this card:\n\n```yaml\nlicense:\n  - mit\n  - apache-2.0\n```",
    ],
    ["a contact that is an email", "## Model Card Contact\n\nml@example.org\n", { contact: "ml@example.org" }, undefined],
    ["a second, different name", "# Model card for A\n\n## Model details\n\n### Model name\n\nB\n", { name: "A" }, "**Model name**\n\nB"],
    ["a date in another format", "### Date\n\n15 January 2026\n", {}, "**Date**\n\n15 January 2026"],
    ["a placeholder from the Hub template", "### Date\n\n<!-- when -->\n[More Information Needed]\n", {}, undefined],
  ])("maps or keeps %s", (_, markdown, modelDetails, notes) => {
    const { card } = fromHuggingFaceCard(markdown);
    expect(ZModelCardSchema.parse(card).modelDetails).toEqual(modelDetails);
    expect(card.additionalInformation.notes).toBe(notes);
  });

  it("keeps text before the first heading and text under unknown headings in notes", () => {
    const { card, unmapped } = fromHuggingFaceCard("Preface.\n\n## Glossary\n\nAUC: area under the curve.\n\n### Sources\n\nkept too\n");
    expect(card.additionalInformation.notes).toBe(
      "**text before the first heading**\n\nPreface.\n\n**Glossary**\n\nAUC: area under the curve.\n\n**Sources**\n\nkept too",
    );
    expect(unmapped).toEqual(["text before the first heading", "Glossary", "Sources"]);
  });

  it("reads a card without front matter or title as sections only", () => {
    const { card } = fromHuggingFaceCard("# Uses\n\n## Direct Use\n\nScoring.\n\n# Factors\n\n## Relevant groups\n\n* young\n* old\n");
    expect(ZModelCardSchema.parse(card)).toEqual(ZModelCardSchema.parse({ intendedUse: { primaryUses: "Scoring." }, factors: { relevantGroups: ["young", "old"] } }));
  });

  it.each([
    ["an unclosed flow sequence", "---\nlicense: mit\ntags: [a, b\n---\n", 3, "The YAML front matter is malformed at line 3: Flow sequence in block collection must be sufficiently indented and end with a ]."],
    ["a duplicate key", "---\nlicense: mit\nlicense: apache-2.0\n---\n", 3, "The YAML front matter is malformed at line 3: Map keys must be unique."],
    ["a mapping nested under a value", "---\ntags:\n  - a\nlicense: mit\n   datasets: x\n---\n", 4, "The YAML front matter is malformed at line 4: Nested mappings are not allowed in compact mappings."],
    ["a list instead of keys", "---\n- a\n- b\n---\n", 2, "The YAML front matter must be a set of key: value lines (line 2)."],
    ["no closing line", "---\nlicense: mit\n# Title\n", 1, "The YAML front matter that starts on line 1 is never closed: end it with a line of three dashes (---)."],
  ])("rejects front matter with %s, naming the line", (_, markdown, line, message) => {
    let error: unknown;
    try {
      fromHuggingFaceCard(markdown);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HuggingFaceCardError);
    expect(error).toMatchObject({ line, message });
  });
});

describe("resolveHeading", () => {
  const sections = MODEL_CARD_TEMPLATE as readonly TCardSection[];

  it("reads every section title and field label back to itself, whatever the case and punctuation", () => {
    for (const section of sections) {
      expect(resolveHeading(section.title.toUpperCase(), null)?.section.key).toBe(section.key);
      for (const field of section.fields) {
        expect(resolveHeading(` ${field.label.toLowerCase()}: `, section), `${section.key}.${field.key}`).toEqual({ section, field });
      }
    }
  });

  it("never reads a section title as a field of another section", () => {
    for (const section of sections) for (const other of sections) expect(resolveHeading(section.title, other)?.field).toBeNull();
  });

  it.each([
    ["Uses", "intendedUse", null],
    ["Out-of-Scope Use", "intendedUse", "outOfScopeUses"],
    ["Bias, Risks, and Limitations", "caveatsAndRecommendations", null],
    ["Training Data", "trainingData", null],
    ["Evaluation", "quantitativeAnalyses", null],
    ["Environmental Impact", "requirements", "environmentalImpact"],
    ["Citation [optional]", "modelDetails", "citation"],
    ["Model Card Contact", "modelDetails", "contact"],
    ["Oversight measures", "humanOversight", "oversightMeasures"],
  ])("maps the Hub heading %s", (heading, section, field) => {
    const target = resolveHeading(heading, null);
    expect([target?.section.key, target?.field?.key ?? null]).toEqual([section, field]);
  });
});
