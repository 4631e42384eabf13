// Issue 13: the Claims tree's switches (group, sort, filters), their persistence,
// the badge and the item commands, in the real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNodeSnapshot } from '../../src/extension/testApi';
import { api, cliOutput, closeAll, seedNames, waitFor } from './helpers';

const run = async (id: string, ...args: unknown[]) => {
  const r = await vscode.commands.executeCommand(id, ...args);
  await (await api()).whenIdle();
  return r;
};
const seeds = () => cliOutput().documents.filter(d => seedNames().some(s => d.path.endsWith(s)));

/** Every node of the tree as it is now, depth first. */
async function allNodes(): Promise<TreeNodeSnapshot[]> {
  const a = await api();
  const out: TreeNodeSnapshot[] = [];
  const visit = async (ns: TreeNodeSnapshot[]) => {
    for (const n of ns) {
      out.push(n);
      await visit(await a.treeChildren(n));
    }
  };
  await visit(await a.treeRoots());
  return out;
}

describe('issue 13: Claims tree switches', () => {
  before(async () => {
    const a = await api();
    await waitFor('the seeds indexed', async () => {
      await a.whenIdle();
      return (await a.treeRoots()).length >= seedNames().length;
    });
  });
  const reset = async () => {
    await run('sourceLens.tree.groupBySource');
    await run('sourceLens.tree.sortByPosition');
    await run('sourceLens.tree.clearFilters');
  };
  // Each test starts from the default switches, whatever the one before left on.
  beforeEach(reset);
  afterEach(closeAll);
  after(reset);

  it('groups quotes by speaker, each with the number of sources carrying it', async () => {
    const a = await api();
    await run('sourceLens.tree.groupBySpeaker');
    assert.equal(a.treeOptions()?.group, 'speaker');
    const roots = await a.treeRoots();
    assert.ok(roots.every(r => r.type === 'speaker'), 'speakers at the top');
    const lavrov = roots.find(r => r.label === 'Sergey Lavrov');
    assert.ok(lavrov, 'Sergey Lavrov is a speaker');
    const quotes = await a.treeChildren(lavrov);
    const plan = quotes.find(q => /according to plan/.test(q.label));
    assert.ok(plan, 'his “according to plan” quote');
    const copies = await a.treeChildren(plan);
    const cliCopies = seeds().flatMap(d => d.quotes.filter(q => q.speaker === 'Sergey Lavrov' && /according to plan/.test(q.text)).map(q => ({ d, q })));
    for (const { d, q } of cliCopies) {
      assert.ok(copies.some(c => c.start === q.start && c.uri.endsWith(d.path.replace(/^\.\//, ''))), `the copy at ${d.path} ${q.start} is a child`);
    }
    const sources = new Set(copies.map(c => c.uri)).size;
    assert.match(plan.description, new RegExp(`^${sources} sources`), 'the count of sources carrying it');
    assert.match(plan.description, /×2 in one file/, '000_… says it twice');
    assert.equal(copies.filter(c => c.uri.endsWith('000_6f759d22c02cc351.txt')).length, 2);
    for (const c of copies) assert.equal(c.command?.command, 'sourceLens.openPassage');
  });

  it('groups by entity and by claim group; every claim of the CLI is under a claim group', async () => {
    const a = await api();
    await run('sourceLens.tree.groupByEntity');
    const entities = await a.treeRoots();
    assert.ok(entities.length > 5 && entities.every(r => r.type === 'entity'));
    const russia = entities.find(e => e.label === 'Russia');
    assert.ok(russia, 'an entity node for Russia');
    const kids = await a.treeChildren(russia);
    assert.ok(kids.length > 3 && kids.every(k => k.type === 'claim'));

    await run('sourceLens.tree.groupByClaim');
    const groups = await a.treeRoots();
    assert.ok(groups.every(g => g.type === 'claimGroup'));
    const all = await allNodes();
    const isSeed = (p: string) => seedNames().some(s => p.endsWith(s));
    const claims = all.filter(n => n.type === 'claim' && isSeed(n.uri));
    const cli = seeds().flatMap(d => d.claims);
    assert.equal(claims.length, cli.length, 'each claim of the seeds once');
    // The 130,000 troops: one claim that all five seeds carry, one group.
    const troops = seeds().map(d => ({ d, c: d.claims.find(c => /130,000/.test(c.text) && c.corroboratedBy.length >= 4) }));
    assert.ok(troops.every(x => x.c), 'the CLI finds the claim in every seed');
    let holder: TreeNodeSnapshot | undefined;
    for (const g of groups) {
      const kids = await a.treeChildren(g);
      if (troops.every(({ d, c }) => kids.some(k => k.start === c!.start && k.uri.endsWith(d.path.replace(/^\.\//, ''))))) holder = g;
    }
    assert.ok(holder, 'one group holds the claim of all five seeds');
    assert.match(holder.description, /^\d+ sources · corroborated/);
  });

  it('filters narrow the tree, sorting ranks by corroboration, and the switches are kept in workspaceState', async () => {
    const a = await api();
    await run('sourceLens.tree.groupBySource');
    await run('sourceLens.tree.filterQuotesOnly');
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    let nodes = await allNodes();
    const passages = nodes.filter(n => n.type === 'claim' || n.type === 'quote');
    assert.ok(passages.length > 10);
    assert.ok(passages.every(n => n.quote), 'quotes only');
    await run('sourceLens.tree.filterConflicts');
    nodes = (await allNodes()).filter(n => n.type !== 'source');
    assert.ok(nodes.length > 0 && nodes.every(n => n.conflict && n.quote), 'quotes with an attribution conflict');
    nodes = nodes.filter(n => seedNames().some(s => n.uri.endsWith(s)));
    const conflicts = seeds().flatMap(d => d.quotes.filter(q => q.attributedElsewhere?.length)).length;
    assert.ok(nodes.length <= conflicts && nodes.length >= 1, `${nodes.length} nodes for ${conflicts} CLI quotes with a conflict`);
    assert.deepEqual(a.treeStoredOptions(), a.treeOptions(), 'what a reload would read back');
    assert.equal(a.treeStoredOptions().filters.conflicts, true);

    await run('sourceLens.tree.clearFilters');
    await run('sourceLens.tree.filterQuotesOnlyOff');
    assert.deepEqual(a.treeStoredOptions().filters, { unique: false, disputed: false, conflicts: false, quotesOnly: false });
    await run('sourceLens.tree.filterUnique');
    nodes = (await allNodes()).filter(n => n.type === 'claim' || n.type === 'quote');
    assert.ok(nodes.length > 0 && nodes.every(n => n.status === 'unique'));
    await run('sourceLens.tree.filterUniqueOff');

    await run('sourceLens.tree.sortByCorroboration');
    assert.equal(a.treeStoredOptions().sort, 'corroboration');
    const root = (await a.treeRoots()).find(r => r.path.endsWith('004_7bdc0b2365966776.txt'));
    assert.ok(root);
    const kids = (await a.treeChildren(root)).map(k => k.corroboration ?? 0);
    assert.ok(kids.length > 5);
    const first = kids[0], last = kids[kids.length - 1];
    assert.ok(first >= last && first > 0, `most corroborated first: ${kids.join(',')}`);
    await run('sourceLens.tree.sortByPosition');
  });

  it('the badge counts the disputed claims', async () => {
    const a = await api();
    await vscode.commands.executeCommand('sourceLens.focusClaims');
    const roots = await a.treeRoots();
    // Each source's count, as its node says it; the seeds' counts are the CLI's.
    const count = (r: TreeNodeSnapshot) => Number(/(\d+) disputed/.exec(r.description)?.[1] ?? 0);
    for (const d of seeds()) {
      const r = roots.find(x => x.path.endsWith(d.path.replace(/^\.\//, '')));
      assert.ok(r);
      assert.equal(count(r), d.claims.filter(c => c.status === 'disputed').length, d.path);
    }
    const disputed = roots.reduce((n, r) => n + count(r), 0);
    assert.equal(a.treeBadge(), disputed || undefined);
  });

  it('"Show in All Sources" lists the passage and every other source carrying it; "Copy as Citation" copies words, speaker, source, offsets', async () => {
    const a = await api();
    const root = (await a.treeRoots()).find(r => r.path.endsWith('004_7bdc0b2365966776.txt'));
    assert.ok(root);
    const kids = await a.treeChildren(root);
    const cli = cliOutput().documents.find(d => d.path.endsWith('004_7bdc0b2365966776.txt'))!;
    const claim = cli.claims.find(c => c.corroboratedBy.length >= 2)!;
    const node = kids.find(k => k.start === claim.start && k.end === claim.end);
    assert.ok(node, 'a corroborated claim in the tree');
    const refs = await run('sourceLens.tree.showInAllSources', { id: node.id }) as { uri: string; start: number; end: number }[];
    // The passage, then every passage its tree item links: corroborating, disputing, partly corroborating, and the
    // other attributions of a quote it holds (each once).
    const inner = cli.quotes.find(q => claim.start <= q.start && q.end <= claim.end);
    const linked = [...claim.corroboratedBy, ...claim.disputedBy, ...(claim.partlyCorroboratedBy ?? []), ...(inner?.attributedElsewhere ?? [])];
    assert.equal(refs.length, 1 + new Set(linked.map(l => `${l.path}:${l.start}:${l.end}`)).size);
    assert.equal(refs[0].start, claim.start);
    for (const l of claim.corroboratedBy) assert.ok(refs.some(r => r.uri.endsWith(l.path.replace(/^\.\//, '')) && r.start === l.start), `${l.path} ${l.start}`);
    await vscode.commands.executeCommand('closeReferenceSearch');

    const quote = cli.quotes.find(q => q.speaker)!;
    const qnode = kids.find(k => k.start! <= quote.start && quote.end <= k.end!);
    assert.ok(qnode);
    const text = await run('sourceLens.tree.copyCitation', { id: qnode.id }) as string;
    assert.equal(await vscode.env.clipboard.readText(), text);
    assert.ok(text.includes(quote.text.replace(/\s+/g, ' ')), text);
    assert.ok(text.includes(quote.speaker!), text);
    assert.match(text, /004_7bdc0b2365966776\.txt, characters \d+–\d+$/);
  });
});
