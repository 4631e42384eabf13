/**
 * Shapes shared by every analysis stage. The public ones mirror the CLI's JSON
 * contract (shared/docs/output-format.md): fields may be added, never renamed.
 * All offsets are UTF-16 code units into the normalised document text, end-exclusive.
 */

/** A half-open range of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'DATE' | 'NUMBER' | 'MISC';
/** PERSON; ORG (outlets and documents too); GROUP ("the striking nurses", "most of those surveyed"); DESCRIPTION (a person the text never names). */
export type SpeakerType = 'PERSON' | 'ORG' | 'GROUP' | 'DESCRIPTION';

/** A paragraph: a run of non-blank lines. `index` counts paragraphs from 0. */
export interface Paragraph extends Span {
  index: number;
}

/** A sentence; it never crosses a paragraph. */
export interface Sentence extends Span {
  paragraph: number;
}

export interface Entity extends Span {
  text: string;
  type: EntityType;
  /** One name for every mention of the same thing; document-local until the corpus resolves it. */
  canonical: string;
}

export interface QuoteLink extends Span {
  path: string;
  /** The quoted words are the same (quote marks and case ignored). */
  identical: boolean;
}

export interface Quote extends Span {
  text: string;
  speaker: string | null;
  speakerType: SpeakerType | null;
  /** The words naming the speaker in this document. */
  speakerMention: Span | null;
  cue: string | null;
  partial: boolean;
  uncertain: boolean;
  /** Same id on the parts of one quote split by its attribution; unique within a document. */
  group: number | null;
  /** The same quote by the same speaker in other documents (mirrored). */
  variants: QuoteLink[];
  /**
   * Why the speaker is who it is: `step`, the attribution step (sieve) that named them;
   * `detail`, a short explanation ("after the cue 'tweeted'"). Null when there is no
   * speaker. Always set by findQuotes (optional only for quotes built elsewhere).
   */
  attribution?: { step: string; detail: string } | null;
  /** One id for every copy of this quote across documents (same speaker); null when it is the only one. */
  quoteGroup?: string | null;
  /** How many quotes the group holds, this one included (1 when alone). */
  quoteGroupSize?: number;
  /** The same words credited to another speaker in another document (mirrored). */
  attributedElsewhere?: ({ path: string; speaker: string } & Span)[];
}

export type DuplicateKind = 'repeat' | 'shared';
export type DuplicateLabel = 'verbatim' | 'edited' | 'reworded';

export interface Duplicate extends Span {
  text?: string;
  other: { path: string } & Span;
  kind: DuplicateKind;
  label: DuplicateLabel;
  similarity: number;
  boilerplate: boolean;
  /** Shared only: this source was published "earlier" or "later" than the other; null when the dates are equal or unknown. */
  direction?: Direction | null;
}

/** Which of two sources sharing a passage was published first, seen from this one. */
export type Direction = 'earlier' | 'later';

export type ClaimKind = 'quote' | 'reported' | 'numeric' | 'event' | 'statement';
export type ClaimStatus = 'unique' | 'corroborated' | 'disputed';

export interface ClaimNumber {
  value: number;
  unit: string | null;
  qualifier: string | null;
}

export interface ClaimLink extends Span {
  path: string;
  similarity: number;
  /** Why a link disputes the claim ("number", "speaker", "wording"); absent for corroboration. */
  reason?: string;
}

/** The reader's mark on a claim (annotations file). */
export interface ClaimVerdict {
  value: 'verified' | 'false' | 'needs-checking';
  note: string | null;
}

export interface Claim extends Span {
  text: string;
  kind: ClaimKind;
  /** The reader's verdict from the annotations file; null (or absent) when there is none. */
  verdict?: ClaimVerdict | null;
  speaker: string | null;
  entities: string[];
  numbers: ClaimNumber[];
  status: ClaimStatus;
  corroboratedBy: ClaimLink[];
  disputedBy: ClaimLink[];
  /** Claims of other documents that carry only part of this one (each lists this claim under `corroboratedBy`). Set by linking. */
  partlyCorroboratedBy?: ClaimLink[];
  /** One id ("c1", …) for the claims that carry the same claim across sources; null when none does. Set by linking. */
  claimGroup?: string | null;
  /** How many claims the group holds, this one included (1 without a group). Set by linking. */
  claimGroupSize?: number;
}

/** Source metadata of a document; a field is null when unknown. `date` is ISO 8601 (YYYY-MM-DD, or with a time). */
export interface SourceInfo {
  outlet: string | null;
  date: string | null;
  url: string | null;
}

/** One document of the JSON contract. */
export interface DocumentResult {
  path: string;
  length: number;
  title: string | null;
  /** Set when an analysis stage stopped at its work budget (pathological input): the spans given are exact, some are missing. */
  truncated: { reason: string } | null;
  /** Who published the document, when and where: from its header, front matter or the annotations file; null when unknown. */
  source?: SourceInfo | null;
  quotes: Quote[];
  entities: Entity[];
  duplicates: Duplicate[];
  claims: Claim[];
}

export interface Skipped {
  path: string;
  reason: string;
}

/** The whole JSON contract. */
export interface AnalysisOutput {
  version: 1;
  documents: DocumentResult[];
  skipped: Skipped[];
}
