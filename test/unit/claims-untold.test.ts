/**
 * A frame that says something is not told ("did not say where …", "gave no details on how many …", "it is unclear
 * when …") still states what its open question presupposes: its negation and its verb of telling do not count.
 */
import assert from 'node:assert/strict';
import { claimNorm, untoldFrame } from '../../src/core/claims/normalize';
import { AnalysisContext } from '../../src/core/text/memo';
import { claimOf, linkPair } from '../support/claimPair';

const claim = claimOf;
const norm = (text: string) => claimNorm(new AnalysisContext(), claim(text));
const keys = (text: string) => norm(text).units.map(u => u[0]);
const link = linkPair;

describe('claims: what a source did not tell', () => {
  it('finds the frame and only with a question left open', () => {
    const words = (t: string) => t.split(' ');
    assert.deepEqual([...untoldFrame(words('The agency did not say where the barges went'))], [3, 4]);
    assert.deepEqual([...untoldFrame(words('The agency gave no details on how many barges sank'))], [2, 3, 4]);
    assert.deepEqual([...untoldFrame(words('It was not immediately clear why the barges sank'))], [2, 3, 4]);
    assert.deepEqual([...untoldFrame(words('It remains unclear when the barges sank'))], [2]);
    assert.deepEqual([...untoldFrame(words('The agency did not say whether the barges sank'))], [], 'whether: nothing presupposed');
    assert.deepEqual([...untoldFrame(words('The agency gave no details'))], [], 'nothing left open');
    assert.deepEqual([...untoldFrame(words('The barges did not sink where the river bends'))], [], 'not a verb of telling');
  });

  it('reads "did not say where", "gave no details on where" and "it is unclear where" as one claim', () => {
    const a = norm('The harbour board did not say where the barges were being towed or how many were leaving');
    const b = norm('It remains unclear where the barges were being towed or how many were leaving');
    const c = norm('The harbour board gave no details on where the barges were being towed or how many were leaving');
    assert.equal(a.negation, 0);
    assert.equal(b.negation, 0);
    assert.equal(c.negation, 0);
    assert.deepEqual(keys('It remains unclear where the barges were being towed or how many were leaving'), b.units.map(u => u[0]));
    assert.ok(!b.units.some(u => u[0].startsWith('unclear')));
    assert.equal(norm('The harbour board did not say whether the barges were being towed').negation, 1);
  });

  it('links an untold question to the same question found unclear, and not a "whether" to the statement', () => {
    const untold = claim('The harbour board did not indicate where the departing barges had been moored or how many were leaving');
    const unclear = claim('It remains unclear exactly where the barges that the board says are departing had been moored or how many will leave');
    assert.deepEqual(link(untold, unclear).by, ['b']);
    const whether = claim('The harbour board did not indicate whether the barges moored at the pier would be leaving this month');
    const stated = claim('The harbour board indicated that the barges moored at the pier would be leaving this month');
    assert.deepEqual(link(whether, stated).by, []);
  });
});
