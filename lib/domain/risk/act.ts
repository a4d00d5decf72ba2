/**
 * The parts of Regulation (EU) 2024/1689 (the AI Act) that the risk ruleset reads, as data.
 * Texts are short paraphrases of the Official Journal text (OJ L, 12.7.2024) with the article
 * cited; quoted phrases are the Act's own words. The questionnaire, the legal basis of a
 * classification and its rationale all read these tables, so a point is worded once.
 *
 * This is a product reference, not legal advice.
 */

export const OPERATOR_ROLES = ["provider", "deployer", "importer", "distributor"] as const;
export type TOperatorRole = (typeof OPERATOR_ROLES)[number];

export const OPERATOR_ROLE_LABELS: Record<TOperatorRole, string> = {
  provider: "Provider",
  deployer: "Deployer",
  importer: "Importer",
  distributor: "Distributor",
};

/**
 * The code of the prohibition that the 2026 Digital Omnibus on AI adds to Art. 5. The adopted
 * text was not yet in the Official Journal when this ruleset was written, so its point number is
 * not known: the code names the amending act instead of guessing a "5(1)(i)".
 */
export const OMNIBUS_INTIMATE_CONTENT_PRACTICE = "omnibus:intimate-content" as const;

export const PROHIBITED_PRACTICES = [
  "5(1)(a)",
  "5(1)(b)",
  "5(1)(c)",
  "5(1)(d)",
  "5(1)(e)",
  "5(1)(f)",
  "5(1)(g)",
  "5(1)(h)",
  OMNIBUS_INTIMATE_CONTENT_PRACTICE,
] as const;
export type TProhibitedPractice = (typeof PROHIBITED_PRACTICES)[number];

export interface TProhibitedPracticeText {
  /** How the legal basis cites it: { article, point }. */
  readonly article: string;
  readonly point: string;
  readonly title: string;
  readonly text: string;
  /** What the practice does not cover: a system within these limits is not prohibited by this point. */
  readonly exceptions: string;
}

export const PROHIBITED_PRACTICE_TEXTS: Record<TProhibitedPractice, TProhibitedPracticeText> = {
  "5(1)(a)": {
    article: "Art. 5(1)",
    point: "(a)",
    title: "Manipulative or deceptive techniques",
    text: "Subliminal techniques, or \"purposefully manipulative or deceptive techniques\", that materially distort a person's behaviour by \"appreciably impairing their ability to make an informed decision\", causing or reasonably likely to cause significant harm.",
    exceptions: "No listed exception, but it only covers techniques that materially distort behaviour and cause, or are reasonably likely to cause, significant harm.",
  },
  "5(1)(b)": {
    article: "Art. 5(1)",
    point: "(b)",
    title: "Exploiting vulnerabilities",
    text: "Exploiting vulnerabilities of a person or group \"due to their age, disability or a specific social or economic situation\" to materially distort their behaviour, causing or reasonably likely to cause significant harm.",
    exceptions: "No listed exception, but it only covers exploitation that materially distorts behaviour and causes, or is reasonably likely to cause, significant harm.",
  },
  "5(1)(c)": {
    article: "Art. 5(1)",
    point: "(c)",
    title: "Social scoring",
    text: "Evaluating or classifying people over time by their social behaviour or personal characteristics, where the score leads to detrimental or unfavourable treatment (i) in social contexts unrelated to where the data were gathered, or (ii) that is unjustified or disproportionate to the behaviour or its gravity.",
    exceptions: "Only scoring that leads to treatment of kind (i) or (ii) is prohibited; evaluations without such treatment are not covered by this point.",
  },
  "5(1)(d)": {
    article: "Art. 5(1)",
    point: "(d)",
    title: "Predicting criminal offences from profiling",
    text: "Assessing or predicting the risk that a person will commit a criminal offence \"based solely on the profiling of a natural person or on assessing their personality traits\".",
    exceptions: "Not prohibited: systems that support a human assessment of a person's involvement in a criminal activity that is already based on objective and verifiable facts directly linked to it (such systems may be high-risk under Annex III point 6(d)).",
  },
  "5(1)(e)": {
    article: "Art. 5(1)",
    point: "(e)",
    title: "Untargeted scraping of facial images",
    text: "Creating or expanding facial-recognition databases through the \"untargeted scraping of facial images from the internet or CCTV footage\".",
    exceptions: "Only untargeted scraping is prohibited; collecting images of specific, targeted persons is not covered by this point.",
  },
  "5(1)(f)": {
    article: "Art. 5(1)",
    point: "(f)",
    title: "Emotion recognition at work or in education",
    text: "Inferring the emotions of a natural person \"in the areas of workplace and education institutions\".",
    exceptions: "Not prohibited where the system is intended for medical or safety reasons (emotion recognition elsewhere is high-risk under Annex III point 1(c) and carries the Art. 50(3) duty).",
  },
  "5(1)(g)": {
    article: "Art. 5(1)",
    point: "(g)",
    title: "Biometric categorisation by sensitive attributes",
    text: "Categorising individuals on their biometric data to deduce or infer their race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation.",
    exceptions: "Not prohibited: labelling or filtering of lawfully acquired biometric datasets, and categorising biometric data in the area of law enforcement.",
  },
  "5(1)(h)": {
    article: "Art. 5(1)",
    point: "(h)",
    title: "Real-time remote biometric identification for law enforcement",
    text: "Using \"real-time\" remote biometric identification systems in publicly accessible spaces for the purposes of law enforcement.",
    exceptions: "Not prohibited where strictly necessary for (i) the targeted search for specific victims of abduction, trafficking or sexual exploitation, or missing persons; (ii) preventing a specific, substantial and imminent threat to life or safety, or a genuine threat of a terrorist attack; (iii) locating or identifying a suspect of an Annex II offence punishable by at least four years — and then only with a fundamental-rights impact assessment, registration and prior authorisation (Art. 5(2)–(7); in urgent cases authorisation requested \"at the latest within 24 hours\").",
  },
  [OMNIBUS_INTIMATE_CONTENT_PRACTICE]: {
    article: "Art. 5 (as amended by the 2026 Digital Omnibus on AI)",
    point: "non-consensual intimate content and CSAM",
    title: "Non-consensual intimate content and child sexual abuse material",
    text: "Generating non-consensual sexual or intimate content, or child sexual abuse material (CSAM) — the new prohibition added by the 2026 Digital Omnibus on AI.",
    exceptions: "The adopted text had not been published in the Official Journal when this ruleset was written; its exact wording, point number and any exceptions are not yet known. Answer yes if the system generates such content.",
  },
};

/**
 * Annex III, the eight areas. Area 2 (critical infrastructure) has no lettered points in the
 * Act, so its single point is coded "2"; every other point is "<area>(<letter>)".
 */
export const ANNEX_III_POINTS = [
  "1(a)", "1(b)", "1(c)",
  "2",
  "3(a)", "3(b)", "3(c)", "3(d)",
  "4(a)", "4(b)",
  "5(a)", "5(b)", "5(c)", "5(d)",
  "6(a)", "6(b)", "6(c)", "6(d)", "6(e)",
  "7(a)", "7(b)", "7(c)", "7(d)",
  "8(a)", "8(b)",
] as const;
export type TAnnexIIIPoint = (typeof ANNEX_III_POINTS)[number];

export interface TAnnexIIIArea {
  readonly area: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  readonly title: string;
  /** The area's own condition, where the Act states one. */
  readonly scope?: string;
  readonly points: readonly { readonly point: TAnnexIIIPoint; readonly text: string }[];
}

export const ANNEX_III_AREAS: readonly TAnnexIIIArea[] = [
  {
    area: 1,
    title: "Biometrics",
    scope: "Where their use is permitted under relevant Union or national law.",
    points: [
      { point: "1(a)", text: "Remote biometric identification, excluding biometric verification whose \"sole purpose\" is to confirm that a person is who they claim to be" },
      { point: "1(b)", text: "Biometric categorisation according to sensitive or protected attributes or characteristics inferred from them" },
      { point: "1(c)", text: "Emotion recognition" },
    ],
  },
  {
    area: 2,
    title: "Critical infrastructure",
    points: [
      { point: "2", text: "Safety components in the management and operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity" },
    ],
  },
  {
    area: 3,
    title: "Education and vocational training",
    points: [
      { point: "3(a)", text: "Determining access or admission to, or assigning people to, educational and vocational training institutions" },
      { point: "3(b)", text: "Evaluating learning outcomes, including when used to steer the learning process" },
      { point: "3(c)", text: "Assessing the appropriate level of education a person will receive or be able to access" },
      { point: "3(d)", text: "Monitoring and detecting prohibited behaviour of students during tests" },
    ],
  },
  {
    area: 4,
    title: "Employment, workers' management and access to self-employment",
    points: [
      { point: "4(a)", text: "Recruitment or selection, including placing targeted job advertisements, analysing and filtering applications, and evaluating candidates" },
      { point: "4(b)", text: "Decisions on terms of work relationships, promotion or termination, task allocation based on individual behaviour or personal traits, and monitoring or evaluating performance and behaviour" },
    ],
  },
  {
    area: 5,
    title: "Access to essential private and public services and benefits",
    points: [
      { point: "5(a)", text: "Evaluating eligibility for essential public assistance benefits and services, including healthcare, and granting, reducing, revoking or reclaiming them" },
      { point: "5(b)", text: "Evaluating the creditworthiness of natural persons or establishing their credit score, excluding systems used to detect financial fraud" },
      { point: "5(c)", text: "Risk assessment and pricing for natural persons in life and health insurance" },
      { point: "5(d)", text: "Evaluating and classifying emergency calls, dispatching or prioritising emergency first response, and emergency healthcare patient triage" },
    ],
  },
  {
    area: 6,
    title: "Law enforcement",
    scope: "Where their use is permitted under relevant Union or national law.",
    points: [
      { point: "6(a)", text: "Assessing the risk of a natural person becoming the victim of criminal offences" },
      { point: "6(b)", text: "Polygraphs and similar tools" },
      { point: "6(c)", text: "Evaluating the reliability of evidence in investigating or prosecuting criminal offences" },
      { point: "6(d)", text: "Assessing the risk of a person offending or re-offending \"not solely on the basis of the profiling\", or assessing personality traits and characteristics or past criminal behaviour" },
      { point: "6(e)", text: "Profiling of natural persons in the detection, investigation or prosecution of criminal offences" },
    ],
  },
  {
    area: 7,
    title: "Migration, asylum and border control management",
    scope: "Where their use is permitted under relevant Union or national law.",
    points: [
      { point: "7(a)", text: "Polygraphs and similar tools" },
      { point: "7(b)", text: "Assessing a security risk, a risk of irregular migration, or a health risk posed by a person who intends to enter or has entered a Member State" },
      { point: "7(c)", text: "Examining applications for asylum, visa or residence permits and related complaints, including assessing the reliability of evidence" },
      { point: "7(d)", text: "Detecting, recognising or identifying natural persons, except verification of travel documents" },
    ],
  },
  {
    area: 8,
    title: "Administration of justice and democratic processes",
    points: [
      { point: "8(a)", text: "Assisting a judicial authority (or alternative dispute resolution) in researching and interpreting facts and the law and in applying the law to the facts" },
      { point: "8(b)", text: "Influencing the outcome of an election or referendum or people's voting behaviour, excluding tools that organise, optimise or structure political campaigns administratively or logistically" },
    ],
  },
];

const ANNEX_III_BY_POINT = new Map(
  ANNEX_III_AREAS.flatMap((area) => area.points.map((p) => [p.point, { area, text: p.text }] as const)),
);

/** "Access to essential private and public services and benefits: Evaluating the creditworthiness …" */
export function annexIIIPointText(point: TAnnexIIIPoint): string {
  const entry = ANNEX_III_BY_POINT.get(point);
  if (!entry) throw new Error(`Unknown Annex III point ${point}`);
  return `${entry.area.title}: ${entry.text}`;
}

export const DEROGATION_CONDITIONS = ["a", "b", "c", "d"] as const;
export type TDerogationCondition = (typeof DEROGATION_CONDITIONS)[number];

/** Art. 6(3), second subparagraph: any one of these lets an Annex III system escape high risk. */
export const DEROGATION_CONDITION_TEXTS: Record<TDerogationCondition, string> = {
  a: "The system performs a \"narrow procedural task\"",
  b: "The system improves the result of a previously completed human activity",
  c: "The system detects decision-making patterns or deviations from prior patterns and is \"not meant to replace or influence the previously completed human assessment, without proper human review\"",
  d: "The system performs a \"preparatory task\" to an assessment relevant for an Annex III use case",
};

export const PROFILING_RULE_TEXT =
  "\"An AI system referred to in Annex III shall always be considered to be high-risk where the AI system performs profiling of natural persons\" — the Art. 6(3) derogation is not available.";

export const TRANSPARENCY_TRIGGERS = ["50(1)", "50(2)", "50(3)", "50(4)"] as const;
export type TTransparencyTrigger = (typeof TRANSPARENCY_TRIGGERS)[number];

export interface TTransparencyTriggerText {
  /** Whose duty the paragraph is: 50(1) and 50(2) bind providers, 50(3) and 50(4) deployers. */
  readonly dutyOf: "provider" | "deployer";
  readonly title: string;
  readonly text: string;
}

export const TRANSPARENCY_TRIGGER_TEXTS: Record<TTransparencyTrigger, TTransparencyTriggerText> = {
  "50(1)": {
    dutyOf: "provider",
    title: "Interacts directly with people",
    text: "The system interacts directly with natural persons, so they must be told they are interacting with an AI system unless that is \"obvious\" to a reasonably well-informed person.",
  },
  "50(2)": {
    dutyOf: "provider",
    title: "Generates synthetic content",
    text: "The system generates synthetic audio, image, video or text, which must be \"marked in a machine-readable format and detectable as artificially generated or manipulated\".",
  },
  "50(3)": {
    dutyOf: "deployer",
    title: "Emotion recognition or biometric categorisation",
    text: "The system recognises emotions or categorises people biometrically, so the people exposed to it must be informed.",
  },
  "50(4)": {
    dutyOf: "deployer",
    title: "Deep fakes or AI-generated public-interest text",
    text: "The system produces deep fakes, or text published \"to inform the public on matters of public interest\", which must be disclosed as artificially generated or manipulated.",
  },
};

/** Art. 51(2): high-impact capabilities are presumed when training compute is "greater than 10^25" FLOPs. */
export const SYSTEMIC_RISK_COMPUTE_THRESHOLD_FLOPS = 1e25;
