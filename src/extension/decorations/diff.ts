/**
 * Word-level differences between two wordings of a quote, for hovers. Words are
 * compared case-insensitively with quote marks and trailing punctuation ignored,
 * but shown as written.
 */

export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** Word comparison key: lower case, quote marks and edge punctuation stripped. */
function key(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Longest inputs the quadratic table accepts; longer pairs become one replacement. */
const MAX_WORDS = 400;

/**
 * The parts that turn `from` into `to`: `same` words are in both, `removed` only
 * in `from`, `added` only in `to`. Adjacent parts of one kind are merged.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = from.split(/\s+/).filter(Boolean), b = to.split(/\s+/).filter(Boolean);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], w: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ' ' + w; else parts.push({ op, text: w });
  };
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    if (a.length) push('removed', a.join(' '));
    if (b.length) push('added', b.join(' '));
    return parts;
  }
  const ka = a.map(key), kb = b.map(key);
  // lcs[i][j]: common-subsequence length of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = ka[i] === kb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      push('same', b[j]);
      i++; j++;
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      push('added', b[j++]);
    } else {
      push('removed', a[i++]);
    }
  }
  return parts;
}

/** Whether two wordings differ in their words (not just quote marks or case). */
export function wordingDiffers(from: string, to: string): boolean {
  return wordDiff(from, to).some(p => p.op !== 'same');
}

/** Escapes text for Markdown so it shows literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, m => '\\' + m).replace(/\r?\n/g, ' ');
}

/** A diff as Markdown: removed words struck through, added words in bold. */
export function diffMarkdown(parts: readonly DiffPart[]): string {
  return parts
    .map(p => (p.op === 'same' ? escapeMarkdown(p.text) : p.op === 'removed' ? `~~${escapeMarkdown(p.text)}~~` : `**${escapeMarkdown(p.text)}**`))
    .join(' ');
}
