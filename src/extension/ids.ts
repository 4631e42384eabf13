/** Every id the extension contributes, in one place. Keep in sync with package.json. */

export const EXTENSION_ID = 'source-lens.source-lens';
/** Settings prefix: `sourceLens.include`, `sourceLens.highlight.quotes`, … */
export const CONFIG_SECTION = 'sourceLens';
export const OUTPUT_CHANNEL = 'Source Lens';

export const VIEW_CONTAINER = 'sourceLens';
export const VIEW_CLAIMS = 'sourceLens.claims';

export const Commands = {
  toggleQuotes: 'sourceLens.toggleQuotes',
  toggleDuplicates: 'sourceLens.toggleDuplicates',
  toggleEntities: 'sourceLens.toggleEntities',
  refresh: 'sourceLens.refresh',
  focusClaims: 'sourceLens.focusClaims',
  showOutput: 'sourceLens.showOutput',
  /** Turns on, in the active file, the kinds left off for having more than `sourceLens.maxSpansPerKind` spans. */
  showAllHighlights: 'sourceLens.showAllHighlights',
  /** Item and hover link only: opens a passage (uri, start, end). */
  openPassage: 'sourceLens.openPassage',
  /** Corrections (src/extension/annotations/): at the cursor, or at `({ uri, offset }, value?)`. */
  notAQuote: 'sourceLens.notAQuote',
  changeSpeaker: 'sourceLens.changeSpeaker',
  notADuplicate: 'sourceLens.notADuplicate',
  notAnEntity: 'sourceLens.notAnEntity',
  aliasOf: 'sourceLens.aliasOf',
  markVerified: 'sourceLens.markVerified',
  markFalse: 'sourceLens.markFalse',
  markNeedsChecking: 'sourceLens.markNeedsChecking',
  undoCorrection: 'sourceLens.undoCorrection',
} as const;

/** Theme colour ids, one per decoration kind (`contributes.colors`). */
export const Colors = {
  quote: 'sourceLens.quoteBackground',
  quoteBorder: 'sourceLens.quoteBorder',
  repeat: 'sourceLens.repeatBackground',
  repeatBorder: 'sourceLens.repeatBorder',
  shared: 'sourceLens.sharedBorder',
  person: 'sourceLens.personForeground',
  org: 'sourceLens.orgForeground',
  place: 'sourceLens.placeForeground',
  date: 'sourceLens.dateForeground',
  number: 'sourceLens.numberForeground',
  misc: 'sourceLens.miscForeground',
} as const;

/** `viewItem` context values of tree nodes. */
export const TreeItemContext = {
  source: 'source',
  claim: 'claim',
  quote: 'quote',
} as const;
