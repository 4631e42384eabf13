/**
 * The huge article the edit benches type into, and the typing: bench/edit (the
 * corpus in-process) and bench/editWorker (the real index worker) use the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeEol } from '../src/core/text/decode';

/**
 * About `bytes` of news in distinct paragraphs: the PolNeAR dev articles, then
 * CoNLL-2003 train sentences (Reuters), four to a paragraph (the team's evaluation
 * data in `evalDir`).
 */
export function newsArticle(evalDir: string, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  const add = (p: string) => { parts.push(p); n += Buffer.byteLength(p) + 2; };
  const pol = path.join(evalDir, 'polnear-dev');
  for (const f of fs.readdirSync(pol).filter(f => f.endsWith('.txt')).sort()) {
    for (const p of normalizeEol(fs.readFileSync(path.join(pol, f), 'utf8')).split(/\n\s*\n/)) if (p.trim() && n < bytes) add(p.trim());
  }
  const conll = fs.readFileSync(path.join(evalDir, 'conll2003/train.txt'), 'utf8').split(/\n\s*\n/);
  let para: string[] = [];
  for (const block of conll) {
    if (n >= bytes) break;
    const toks = block.split('\n').map(l => l.split(' ')[0]).filter(t => t && t !== '-DOCSTART-');
    if (toks.length < 4) continue;
    para.push(toks.join(' '));
    if (para.length === 4) { add(para.join(' ')); para = []; }
  }
  return parts.join('\n\n') + '\n';
}

const WORDS = ['reportedly', 'Moscow', 'officials', 'seven', 'quickly', 'Tuesday', 'analysts', 'border'];

/** Types a word into a random paragraph, at a word boundary: the new text, and where the word went. */
export function typeWordAt(text: string, rand: () => number): { text: string; at: number } {
  const paras: [number, number][] = [];
  const re = /[^\n]*\S[^\n]*/g;
  for (let m; (m = re.exec(text));) paras.push([m.index, m.index + m[0].length]);
  const [s, e] = paras[Math.floor(rand() * paras.length)];
  const spaces: number[] = [];
  for (let i = s; i < e; i++) if (text[i] === ' ') spaces.push(i);
  const at = spaces.length ? spaces[Math.floor(rand() * spaces.length)] : e;
  return { text: text.slice(0, at) + ' ' + WORDS[Math.floor(rand() * WORDS.length)] + text.slice(at), at };
}

/** Types a word into a random paragraph, at a word boundary. */
export function typeWord(text: string, rand: () => number): string {
  return typeWordAt(text, rand).text;
}
