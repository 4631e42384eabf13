import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decodeModel, encodeModel, fromBase64, HashTable, label, DecodeScratch, Featurizer, modelTokens, NL, allowed, FEATURE_VERSION, packRows, unpack, buildLexicon } from '../../src/core/entities/ner';
import { checksum, evaluate, lexiconOf, pack, readConll, toExample, train } from '../../src/core/entities/nerTrain';
import { NER_MODEL, NER_MODEL_INFO } from '../../src/core/entities/nerModel';
import { loadNameModel } from '../../src/core/entities/entities';
import { tokenize } from '../../src/core/entities/tokenize';
import { evalDirOrSkip } from '../support/sharedEval';

/** A tiny corpus in the CoNLL format, written for this test. */
const TINY = `-DOCSTART- O

Marta B-PER
Kovacs I-PER
flew O
to O
Lisbon B-LOC
. O

The O
Orbis B-ORG
Bank I-ORG
said O
Marta B-PER
Kovacs I-PER
was O
in O
Lisbon B-LOC
. O

-DOCSTART- O

Paul B-PER
Wren I-PER
joined O
Orbis B-ORG
Bank I-ORG
in O
Porto B-LOC
. O

Porto B-LOC
is O
far O
from O
Lisbon B-LOC
, O
Paul B-PER
Wren I-PER
said O
. O
`;

describe('entities: the name model (ner.ts, nerTrain.ts)', () => {
  it('the committed artefact decodes, matches its recorded checksum and the code\'s feature version', () => {
    const bytes = fromBase64(NER_MODEL);
    assert.equal(bytes.length, NER_MODEL_INFO.bytes);
    assert.equal(checksum(bytes), NER_MODEL_INFO.checksum);
    const w = decodeModel(bytes);
    assert.equal(w.bits, NER_MODEL_INFO.bits);
    assert.equal(w.trans.length, (NL + 1) * NL);
    // a model of other features is refused
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(8, FEATURE_VERSION + 1, true);
    assert.throws(() => decodeModel(other), /features/);
    assert.throws(() => decodeModel(new Uint8Array(30)), /not a Source Lens model/);
  });

  it('learns names from a tiny corpus and finds them in new sentences', () => {
    const sents = readConll(TINY);
    assert.equal(sents.length, 4);
    assert.deepEqual(sents.map(s => s.doc), [1, 1, 2, 2]);
    const trained = train(sents, { epochs: 8, bits: 12, folds: 0, seed: 1 });
    const { bytes, weights } = pack(trained);
    assert.deepEqual(decodeModel(bytes).emit, weights.emit, 'encode/decode round trip');
    const fz = new Featurizer(lexiconOf(sents, false));
    const text = 'later Paul Wren met bankers in Lisbon';
    const toks = modelTokens(text, tokenize(text, 0, text.length));
    const labels = new Uint8Array(toks.length);
    fz.begin(text, toks, 0, text.length);
    label(fz, weights, toks.length, false, labels, new DecodeScratch());
    const names = [...labels].map((y, i) => (y ? `${y}:${toks[i].w}` : '')).filter(Boolean);
    assert.deepEqual(names, ['1:Paul', '2:Wren', '3:Lisbon']); // B-PERSON I-PERSON B-PLACE
    // and scores itself perfectly on what it was trained on
    assert.equal(evaluate(sents, weights, lexiconOf(sents, false)).f, 1);
  });

  it('a file without -DOCSTART- is cut into stories at their headlines (the sentence before a dateline)', () => {
    const lines = (words: string) => words.split(' ').map(w => `${w} O`).join('\n');
    const text = [
      lines('HARBOUR REOPENS AFTER STORM .'), lines('OSLO 1996-08-30'), lines('The harbour reopened .'), lines('Ships left .'),
      lines('FERRY FARES RISE .'), lines('BERGEN 1996-08-31'), lines('Fares rose .'),
    ].join('\n\n');
    const sents = readConll(text);
    assert.deepEqual(sents.map(s => s.doc), [1, 1, 1, 1, 2, 2, 2]);
  });

  it('training is deterministic: the same data, options and seed give the same bytes; another seed may differ', () => {
    const sents = readConll(TINY);
    const a = pack(train(sents, { epochs: 3, bits: 10, folds: 2, seed: 5 })).bytes;
    const b = pack(train(sents, { epochs: 3, bits: 10, folds: 2, seed: 5 })).bytes;
    assert.equal(checksum(a), checksum(b));
    assert.deepEqual(a, b);
  });

  it('gold labels follow the words the product reads ("England \'s" folds the possessive in)', () => {
    const [s] = readConll('England B-LOC\n\'s O\nU.S.-led B-MISC\nforces O\nat O\nLord I-LOC\n');
    const e = toExample(s);
    assert.deepEqual(e.toks.map(t => t.w), ['England', 'U.S.', 'led', 'forces', 'at', 'Lord']);
    // "U.S.-led" is one CoNLL word: its second piece continues the name; a stray I- opens one
    assert.deepEqual([...e.gold], [3, 7, 8, 0, 0, 3]);
    assert.deepEqual(e.spans, [[0, 7, 1], [11, 19, 3], [30, 34, 1]]);
  });

  it('decoding never puts I-X after anything but B-X or I-X', () => {
    const m = loadNameModel();
    const fz = new Featurizer(m.lexicon), scratch = new DecodeScratch();
    const text = 'FRANCE BEAT Wales , said Jean-Pierre de la Tour of the Bank of England and Minister Ana Lopez in New York City ; U.N. and E.U. talks in São Paulo';
    const toks = modelTokens(text, tokenize(text, 0, text.length));
    const labels = new Uint8Array(toks.length);
    for (const whole of [false, true]) {
      fz.begin(text, toks, 0, text.length);
      label(fz, m.weights, toks.length, false, labels, scratch, whole);
      for (let i = 0; i < toks.length; i++) assert.ok(allowed(i ? labels[i - 1] : -1, labels[i]), `${toks[i].w}: ${labels[i]} after ${labels[i - 1]}`);
      assert.ok(labels.some(y => y !== 0));
    }
  });

  it('packed emission rows sum to the very integers the nine int8 weights sum to, extremes included', () => {
    // Rows of weights at the int8 extremes and in between, summed over many features (repeats allowed).
    const buckets = 64, emit = new Int8Array(buckets * NL);
    for (let i = 0; i < emit.length; i++) emit[i] = i % 3 === 0 ? -128 : i % 3 === 1 ? 127 : ((i * 37) % 256) - 128;
    const rows = packRows(emit);
    for (const nf of [0, 1, 2, 31, 48, 256]) {
      const picked = Array.from({ length: nf }, (_, q) => (q * 13 + nf) % buckets);
      const sums = [0, 0, 0];
      for (const b of picked) for (let k = 0; k < 3; k++) sums[k] += rows[3 * b + k];
      const got = new Float64Array(NL);
      for (let k = 0; k < 3; k++) unpack(sums[k], nf, got, 3 * k);
      const want = Array.from({ length: NL }, (_, y) => picked.reduce((a, b) => a + emit[b * NL + y], 0));
      assert.deepEqual([...got], want, `${nf} features`);
    }
  });

  it('decoding with the packed rows labels as the int8 rows do', () => {
    const m = loadNameModel();
    assert.ok(m.weights.rows, 'decodeModel packs the rows');
    const plain = { ...m.weights, rows: undefined };
    const fz = new Featurizer(m.lexicon), scratch = new DecodeScratch();
    const texts = [
      'Minister Ana Lopez of the Harbour Trust met Marco Bellini in Porto on Tuesday , the Orbis Bank said .',
      'STORM CLOSES PORT OF LISBON AS FERRIES WAIT',
    ];
    for (const text of texts) {
      const toks = modelTokens(text, tokenize(text, 0, text.length));
      const a = new Uint8Array(toks.length), b = new Uint8Array(toks.length);
      const allCaps = text === text.toUpperCase();
      for (const whole of [false, true]) {
        fz.begin(text, toks, 0, text.length);
        label(fz, m.weights, toks.length, allCaps, a, scratch, whole);
        fz.begin(text, toks, 0, text.length);
        label(fz, plain, toks.length, allCaps, b, scratch, whole);
        assert.deepEqual([...a], [...b], text);
        if (!allCaps) assert.ok(a.some(y => y !== 0), text);
      }
    }
  });

  it('a known name that is also the start of a longer one: the longest is marked, the shorter alone still found', () => {
    const lex = buildLexicon({ gaz: new Map([['Port Vale', 'PLACE'], ['Port Vale Harbour Board', 'ORG']]), upper: new Map(), maxWords: 4 }, [], [], []);
    const fz = new Featurizer(lex);
    const known = (text: string) => {
      const toks = modelTokens(text, tokenize(text, 0, text.length));
      fz.begin(text, toks, 0, text.length);
      fz.names(0, toks.length);
      return toks.map((t, i) => (fz.known(i) ? t.w : '')).filter(Boolean).join(' ');
    };
    assert.equal(known('the Port Vale Harbour Board met'), 'Port Vale Harbour Board');
    assert.equal(known('ships left Port Vale Harbour today'), 'Port Vale');
    assert.equal(known('ships left Port Harbour today'), '');
  });

  it("HashTable stores and ors values for any 32-bit key (0 shares 1's slot: keys are hashes)", () => {
    const t = new HashTable(2);
    const keys = [0, 2, -1, 0x7fffffff, -0x80000000, 123456789];
    keys.forEach((k, i) => t.or(k, 1 << (i % 4)));
    t.or(-1, 8);
    keys.forEach((k, i) => assert.equal(t.get(k), (1 << (i % 4)) | (k === -1 ? 8 : 0), `key ${k}`));
    assert.equal(t.get(42), 0);
    assert.equal(t.has(42), false);
  });

  it('retraining the recorded slice of train.txt reproduces its recorded scores and bytes', function () {
    this.timeout(120_000);
    const dir = evalDirOrSkip(this, 'conll2003');
    const c = NER_MODEL_INFO.check;
    const sents = readConll(fs.readFileSync(path.join(dir, 'train.txt'), 'utf8'));
    const slice = sents.slice(0, c.train), held = sents.slice(c.train, c.train + c.test);
    const small = pack(train(slice, { epochs: c.epochs, bits: c.bits, folds: c.folds, seed: c.seed }));
    const score = evaluate(held, small.weights, lexiconOf(slice));
    assert.equal(checksum(small.bytes), c.checksum);
    assert.deepEqual([score.tp, score.pred, score.gold], [c.tp, c.pred, c.gold]);
    assert.equal(score.f, c.f1);
    assert.ok(score.f > 0.5, 'a model of 400 sentences already finds most names');
  });
});
