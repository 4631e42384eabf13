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
  /** Stops the workspace index and analyses the open documents only (what a workspace too large for the worker's memory still allows). */
  analyseOpenFilesOnly: 'sourceLens.analyseOpenFilesOnly',
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
  page: 'page',
  claim: 'claim',
  quote: 'quote',
  speaker: 'speaker',
  entity: 'entity',
  claimGroup: 'claimGroup',
  quoteGroup: 'quoteGroup',
} as const;

/** The Claims view's switches (toolbar) and item commands (context menu). */
export const TreeCommands = {
  groupBySource: 'sourceLens.tree.groupBySource',
  groupBySpeaker: 'sourceLens.tree.groupBySpeaker',
  groupByEntity: 'sourceLens.tree.groupByEntity',
  groupByClaim: 'sourceLens.tree.groupByClaim',
  sortByPosition: 'sourceLens.tree.sortByPosition',
  sortByCorroboration: 'sourceLens.tree.sortByCorroboration',
  /** Each filter has a command that turns it on (shown while off) and one that turns it off (shown, ticked, while on). */
  filterUnique: 'sourceLens.tree.filterUnique',
  filterUniqueOff: 'sourceLens.tree.filterUniqueOff',
  filterDisputed: 'sourceLens.tree.filterDisputed',
  filterDisputedOff: 'sourceLens.tree.filterDisputedOff',
  filterConflicts: 'sourceLens.tree.filterConflicts',
  filterConflictsOff: 'sourceLens.tree.filterConflictsOff',
  filterQuotesOnly: 'sourceLens.tree.filterQuotesOnly',
  filterQuotesOnlyOff: 'sourceLens.tree.filterQuotesOnlyOff',
  clearFilters: 'sourceLens.tree.clearFilters',
  showInAllSources: 'sourceLens.tree.showInAllSources',
  copyCitation: 'sourceLens.tree.copyCitation',
} as const;

/** Context keys the extension sets (menus' and keybindings' `when` clauses). */
export const ContextKeys = {
  /** `source` | `speaker` | `entity` | `claim`. */
  treeGroup: 'sourceLens.tree.group',
  /** `position` | `corroboration`. */
  treeSort: 'sourceLens.tree.sort',
  /** One boolean per filter: `sourceLens.tree.filter.unique`, … */
  treeFilterPrefix: 'sourceLens.tree.filter.',
  /** Any filter on. */
  treeFiltered: 'sourceLens.tree.filtered',
  /** The active editor holds an analysed article. */
  article: 'sourceLens.article',
} as const;

/** Moving through an article by keyboard. */
export const NavigationCommands = {
  nextQuote: 'sourceLens.nextQuote',
  previousQuote: 'sourceLens.previousQuote',
  nextDuplicate: 'sourceLens.nextDuplicate',
  previousDuplicate: 'sourceLens.previousDuplicate',
  goToOtherCopy: 'sourceLens.goToOtherCopy',
  nextUniqueClaim: 'sourceLens.nextUniqueClaim',
  nextDisputedClaim: 'sourceLens.nextDisputedClaim',
  compareSources: 'sourceLens.compareSources',
} as const;

export const ReportCommands = {
  exportReport: 'sourceLens.exportReport',
} as const;

/** The "Get Started" walkthrough (contributes.walkthroughs). */
export const WALKTHROUGH = 'sourceLens.getStarted';
export const WalkthroughCommands = {
  /** Copies the walkthrough's sample articles to a folder of the user's and opens it. */
  openSampleCorpus: 'sourceLens.openSampleCorpus',
} as const;

/** workspaceState keys. */
export const StateKeys = {
  treeOptions: 'sourceLens.tree.options',
} as const;
