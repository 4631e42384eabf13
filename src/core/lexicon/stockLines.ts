/**
 * Stock lines of the newsroom: a sentence saying that someone did not answer or would
 * not comment reports on the reporting, not on the story. Claims make no claim of it,
 * and two reports that share nothing else do not share a passage because of it.
 */
export const STOCK_LINE =
  /\b(?:did\s+not|didn['’]t|could\s+not|couldn['’]t)\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:a\s+|an\s+)?(?:requests?|emails?|messages?|calls?)\b|\bdeclined\s+to\s+comment\b|\bnot\s+immediately\s+available\s+for\s+comment\b/i;
