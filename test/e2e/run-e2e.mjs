// End-to-end tier: the packaged .vsix, installed the way a user installs it,
// in a real VS Code (code-server 1.100.3) driven through a real browser
// (Debian chromium via playwright-core). Checks what a reader sees: highlights
// in the editor DOM, the quote hover naming the speaker, the Claims view, a
// click on a claim moving the editor to the passage, the view's Group By switch
// kept over a page reload, the HTML report checked by axe-core (and readable with
// script off), and the highlights in the high-contrast theme.
//   npm run test:e2e [-- --vsix FILE] [-- --headed] [-- --keep] [-- --screenshots]
// Screenshots go to the run's temporary folder (kept with --keep or on a failure),
// so a test run leaves the checkout as it was. Only --screenshots (what
// `npm run screenshots` passes) writes them to media/screenshots/ for the README.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  REPO_ROOT, codeServerVersion, ensureCodeServer, installVsix, launchChromium, startCodeServer, tempDir,
} from '../vscode/codeServer.mjs';
import { packageVsix } from '../vscode/vsix.mjs';

const argv = process.argv.slice(2);
const opt = name => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const README_SHOTS = path.join(REPO_ROOT, 'media', 'screenshots');
let SHOTS; // set in main(): README_SHOTS with --screenshots, else inside the run's temporary folder
const FILE = '004_7bdc0b2365966776.txt';
const OTHER = '001_03d3abf5e2ddca13.txt';
const STEP_TIMEOUT = 30_000;

const results = [];
let failed = false;
/** Runs one named check; later checks still run after a failure unless they depend on it. */
async function check(name, fn) {
  const t = Date.now();
  try {
    const value = await fn();
    results.push({ name, ok: true, ms: Date.now() - t });
    console.log(`  ✓ ${name} (${Date.now() - t} ms)`);
    return value;
  } catch (err) {
    failed = true;
    results.push({ name, ok: false, ms: Date.now() - t, error: err });
    console.log(`  ✗ ${name}\n      ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n      ')}`);
    return undefined;
  }
}
function assert(cond, message) { if (!cond) throw new Error(message); }
const flat = s => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

/** The CLI's view of the workspace, to know which text each highlight should cover. */
function cliAnalysis(folder) {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const r = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  const doc = name => out.documents.find(d => d.path.replace(/^\.\//, '') === name);
  return { out, doc };
}

/**
 * Every extension decoration drawn in the visible part of the editor: VS Code
 * gives each decoration type a CSS class `ced-…-TextEditorDecorationTypeN-…`
 * and draws background/border styles as overlay boxes (`.view-overlays`) and
 * text styles inline (`.view-lines`). Returns, per class, the text under each
 * box (characters whose centre lies inside it), line by line.
 */
async function drawnDecorations(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const lines = [...editor.querySelectorAll('.view-lines .view-line')];
    const charsOf = line => {
      const out = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.length; i++) {
          range.setStart(n, i); range.setEnd(n, i + 1);
          const r = range.getBoundingClientRect();
          out.push({ ch: n.data[i], x: r.left + r.width / 2, y: r.top + r.height / 2 });
        }
      }
      return out;
    };
    const lineChars = lines.map(l => ({ rect: l.getBoundingClientRect(), chars: null, el: l }));
    const textIn = rect => {
      const line = lineChars.find(l => rect.top + rect.height / 2 >= l.rect.top && rect.top + rect.height / 2 <= l.rect.bottom);
      if (!line) return '';
      line.chars ??= charsOf(line.el);
      return line.chars.filter(c => c.x >= rect.left && c.x <= rect.right).map(c => c.ch).join('');
    };
    const byClass = {};
    const isDeco = c => /^ced-.*TextEditorDecorationType/.test(c);
    for (const el of editor.querySelectorAll('.view-overlays div, .view-lines span')) {
      for (const c of el.classList) {
        if (!isDeco(c)) continue;
        const r = el.getBoundingClientRect();
        if (r.width <= 0) continue;
        (byClass[c] ??= []).push({ text: textIn(r), x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, right: r.right });
      }
    }
    return byClass;
  });
}

/** Opens a file by name with Quick Open (Ctrl+P), as a user would, and waits for its tab. */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`);
}

async function main() {
  const t0 = Date.now();
  const keep = argv.includes('--keep');
  const bin = ensureCodeServer();
  const v = codeServerVersion(bin);
  console.log(`VS Code: ${v.vscode} (code-server ${v.codeServer})`);

  let vsix = opt('--vsix');
  if (!vsix) {
    const p = packageVsix();
    vsix = p.vsix;
    console.log(`packaged ${path.basename(vsix)}: ${(p.bytes / 1024).toFixed(0)} KiB in ${p.seconds.toFixed(1)} s`);
  }
  const root = tempDir('e2e');
  SHOTS = argv.includes('--screenshots') ? README_SHOTS : path.join(root, 'screenshots');
  fs.mkdirSync(SHOTS, { recursive: true });
  const folder = path.join(root, 'seeds');
  fs.cpSync(path.join(REPO_ROOT, 'seeds'), folder, { recursive: true });
  const extensionsDir = path.join(root, 'extensions');
  const { doc } = cliAnalysis(folder);
  const main = doc(FILE), other = doc(OTHER);
  assert(main && other, 'the CLI analysed the seeds');

  let server, browser;
  try {
    await check('the .vsix installs with code-server --install-extension', () => {
      const out = installVsix(vsix, extensionsDir, bin);
      assert(/successfully installed/i.test(out), out);
      const dirs = fs.readdirSync(extensionsDir).filter(d => d.startsWith('source-lens.source-lens-'));
      assert(dirs.length === 1, `one installed copy, found ${dirs.join(', ')}`);
    });
    server = await startCodeServer({
      workspace: folder, extensionsDir,
      settings: { 'editor.minimap.enabled': false, 'editor.occurrencesHighlight': 'off', 'workbench.colorTheme': 'Default Light Modern', 'editor.hover.delay': 200, 'workbench.view.alwaysShowHeaderActions': true },
    });
    browser = await launchChromium({ headless: !argv.includes('--headed') });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.setDefaultTimeout(STEP_TIMEOUT);
    const pageErrors = [];
    page.on('console', m => {
      if (m.type() === 'error' && /sourceLens|Source Lens|source-lens\.source-lens/.test(m.text())) pageErrors.push(m.text());
    });

    await check('the workbench loads', async () => {
      await page.goto(server.url());
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.waitForSelector('.activitybar', { timeout: 60_000 });
    });

    await check(`quick open ${FILE}`, async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await quickOpen(page, FILE);
      await page.waitForSelector('.editor-instance .view-lines .view-line');
    });

    // Which decoration class is which kind: the one whose boxes cover a CLI quote,
    // a CLI person, a CLI passage repeated in this file, a CLI passage shared with another file.
    const kinds = await check('quote, entity, repeated- and shared-passage highlights are drawn at the CLI passages', async () => {
      const quoteTexts = main.quotes.map(q => flat(q.text));
      const personTexts = new Set(main.entities.filter(e => e.type === 'PERSON').map(e => flat(e.text)));
      const source = fs.readFileSync(path.join(folder, FILE), 'utf8');
      const textsOf = kind => main.duplicates.filter(d => d.kind === kind).map(d => flat(source.slice(d.start, d.end)));
      const repeatTexts = textsOf('repeat'), sharedTexts = textsOf('shared');
      const over = texts => t => t.length > 30 && texts.some(d => d.startsWith(t) || t.startsWith(d.slice(0, 60)));
      let drawn = {};
      const deadline = Date.now() + STEP_TIMEOUT;
      for (;;) {
        drawn = await drawnDecorations(page);
        // Each kind's class: the one with the most boxes over that kind's CLI passages.
        const best = (pred, not = []) => {
          let top, n = 0;
          for (const [c, boxes] of Object.entries(drawn)) {
            if (not.includes(c)) continue;
            const k = boxes.filter(b => pred(flat(b.text))).length;
            if (k > n) { top = c; n = k; }
          }
          return top;
        };
        const quote = best(t => t.length > 8 && quoteTexts.includes(t));
        const person = best(t => t.length > 2 && personTexts.has(t));
        // Shared passages first (most boxes); a repeat is often shared too, so its class is another one.
        const shared = best(over(sharedTexts), [quote, person]);
        const repeat = best(over(repeatTexts), [quote, person, shared]);
        if (quote && person && repeat && shared && new Set([quote, person, repeat, shared]).size === 4) {
          return { quote, person, repeat, shared, classes: Object.keys(drawn).length };
        }
        if (Date.now() > deadline) {
          throw new Error(`not all kinds drawn: quote=${quote} person=${person} repeat=${repeat} shared=${shared}; `
            + `classes: ${JSON.stringify(Object.fromEntries(Object.entries(drawn).map(([k, b]) => [k, b.slice(0, 3).map(x => x.text.slice(0, 30))])))}`);
        }
        await page.waitForTimeout(300);
      }
    });
    if (kinds) console.log(`    classes: quote ${kinds.quote}, person ${kinds.person}, repeat ${kinds.repeat}, shared ${kinds.shared} (${kinds.classes} decoration classes drawn)`);
    await page.screenshot({ path: path.join(SHOTS, 'editor-highlights.png') });

    await check('hovering a quote shows its speaker', async () => {
      assert(kinds, 'needs the quote class');
      const drawn = await drawnDecorations(page);
      const boxes = drawn[kinds.quote];
      const attributed = boxes.map(b => ({ b, q: main.quotes.find(q => q.speaker && flat(q.text) === flat(b.text)) })).find(x => x.q);
      assert(attributed, 'a visible quote with a speaker');
      await page.mouse.move(attributed.b.x, attributed.b.y);
      const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'Quote' }).first();
      await hover.waitFor({ state: 'visible' });
      const text = flat(await hover.innerText());
      assert(text.includes(attributed.q.speaker), `hover names ${attributed.q.speaker}: "${text.slice(0, 200)}"`);
      await page.waitForTimeout(400); // let the hover finish fading in
      await page.screenshot({ path: path.join(SHOTS, 'hover.png') });
      await page.mouse.move(5, 500);
      await page.keyboard.press('Escape');
    });

    await check("a repeated passage's hover link opens the other passage", async () => {
      assert(kinds, 'needs the repeat class');
      const source = fs.readFileSync(path.join(folder, FILE), 'utf8');
      const drawn = await drawnDecorations(page);
      const repeats = main.duplicates.filter(d => d.kind === 'repeat');
      // A visible repeat box, hovered near its end (away from quotes and names at the line start).
      const box = (drawn[kinds.repeat] ?? []).find(b => flat(b.text).length > 30);
      assert(box, 'a visible repeated passage');
      const dup = repeats.find(d => flat(source.slice(d.start, d.end)).startsWith(flat(box.text).slice(0, 40)));
      assert(dup, 'the box is a CLI repeat');
      await page.mouse.move(Math.min(box.left + 120, box.right - 4), box.y);
      const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'Repeated' }).first();
      await hover.waitFor({ state: 'visible' });
      await page.waitForTimeout(400); // let the hover finish fading in
      await page.screenshot({ path: path.join(SHOTS, 'hover-repeat.png') });
      const link = hover.locator('li').filter({ hasText: 'this file' }).locator('a').filter({ hasText: 'open the other passage' }).first();
      await link.click();
      // The other copy gets selected: the status bar counts its characters.
      const want = dup.other.end - dup.other.start;
      const status = page.locator('#status\\.editor\\.selection');
      const deadline = Date.now() + STEP_TIMEOUT;
      let shown = '';
      for (;;) {
        shown = flat(await status.innerText().catch(() => ''));
        const m = /\((\d+) selected\)/.exec(shown);
        if (m && +m[1] === want) break;
        if (Date.now() > deadline) throw new Error(`status bar shows "${shown}", expected ${want} selected`);
        await page.waitForTimeout(200);
      }
      console.log(`    status bar after the hover link: ${shown}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Home');
    });

    let claim;
    await check('the Source Lens view lists the sources and their claims', async () => {
      await page.locator('.activitybar .action-label[aria-label^="Source Lens"]').click();
      const sidebar = page.locator('.part.sidebar');
      const pane = sidebar.locator('.pane-body').filter({ has: page.locator('.monaco-list-row') });
      const sourceRow = sidebar.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: OTHER }).first();
      await sourceRow.waitFor({ state: 'visible' });
      assert(await pane.count() > 0, 'a view with rows');
      for (const name of [FILE, OTHER]) {
        const count = await sidebar.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: name }).count();
        assert(count === 1, `${name} listed once, found ${count}`);
      }
      // One click, as a user gives it. (A refresh of the top level racing the click once left the
      // source expanded and empty for good: VS Code had forgotten its id. The tree no longer
      // refreshes a top level VS Code has not listed yet.)
      await sourceRow.locator('.monaco-tl-twistie').click();
      const rows = sidebar.locator('.monaco-list-row[aria-level="2"]');
      await rows.first().waitFor({ state: 'visible' }).catch(async err => {
        await page.screenshot({ path: path.join(SHOTS, 'claims-tree-failed.png') });
        const seen = await sidebar.locator('.monaco-list-row').evaluateAll(els => els.map(e =>
          `${e.getAttribute('aria-level')}${e.getAttribute('aria-expanded') === 'true' ? '+' : ''} ${(e.getAttribute('aria-label') ?? '').slice(0, 60)}`));
        throw new Error(`${OTHER}'s claims did not show after a click on its twistie (rows: ${seen.join(' | ')}): ${err.message}`);
      });
      // A claim of the other source that the CLI knows, by its (shortened) label.
      const n = await rows.count();
      for (let i = 0; i < n && !claim; i++) {
        const raw = (await rows.nth(i).getAttribute('aria-label')) ?? '';
        const c = other.claims.find(x => flat(raw).includes(`: ${flat(x.text)}.`));
        // Rows are virtual and the tree follows the editor, so pin the row by its label, not its index.
        const row = sidebar.locator(`.monaco-list-row[aria-label=${JSON.stringify(raw)}]`);
        if (c && c.start > 300) claim = { row, claim: c, label: flat(await rows.nth(i).locator('.label-name').innerText()) };
      }
      assert(claim, `a claim row matching a CLI claim of ${OTHER} (${n} rows)`);
      // Widen the side bar for a readable screenshot (drag its sash).
      const box = await sidebar.boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width + 260, box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
      }
      await page.screenshot({ path: path.join(SHOTS, 'claims-tree.png') });
    });

    await check('clicking a claim of another source moves the editor to the passage', async () => {
      assert(claim, 'needs a claim row');
      await claim.row.click();
      await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${OTHER}"]`);
      const text = fs.readFileSync(path.join(folder, OTHER), 'utf8');
      const pos = off => {
        const before = text.slice(0, off).split(/\r\n|\r|\n/);
        return { ln: before.length, col: before[before.length - 1].length + 1 };
      };
      const s = pos(claim.claim.start), e = pos(claim.claim.end);
      const status = page.locator('#status\\.editor\\.selection');
      const deadline = Date.now() + STEP_TIMEOUT;
      let shown = '';
      for (;;) {
        shown = flat(await status.innerText().catch(() => ''));
        const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(shown);
        if (m) {
          const at = { ln: +m[1], col: +m[2] };
          const onPassage = (at.ln === e.ln && at.col === e.col) || (at.ln === s.ln && at.col === s.col);
          if (onPassage && +m[3] === claim.claim.end - claim.claim.start) break;
        }
        if (Date.now() > deadline) {
          throw new Error(`status bar shows "${shown}", expected Ln ${e.ln}, Col ${e.col} (${claim.claim.end - claim.claim.start} selected)`);
        }
        await page.waitForTimeout(200);
      }
      console.log(`    status bar: ${shown}`);
      await page.screenshot({ path: path.join(SHOTS, 'claim-opened.png') });
    });

    // The toolbar's Group By switch: speakers at the top level, kept over a reload of the page.
    const sidebar = page.locator('.part.sidebar');
    const levelOne = async () => {
      // Rows come and go as the tree refreshes: read them all at once, without waiting for any.
      return (await sidebar.locator('.monaco-list-row[aria-level="1"]').allInnerTexts()).map(flat);
    };
    // A toolbar menu's button and one of its entries; the menu closed (after a pick, or Escape).
    const menuParts = (menu, item) => ({
      button: sidebar.locator(`.title-actions .action-label[aria-label^="${menu}"]`).first(),
      entry: page.locator('.context-view .monaco-menu .action-item').filter({ hasText: item }).first(),
    });
    const menuClosed = () => page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden' }).catch(() => {});
    const pickFromMenu = async (menu, item) => {
      const { button, entry } = menuParts(menu, item);
      // Opened again when it does not settle (just after a reload the view can re-render under an open menu).
      for (let attempt = 1; ; attempt++) {
        try {
          await button.waitFor({ state: 'visible' });
          await button.click();
          await entry.waitFor({ state: 'visible', timeout: 10_000 });
          await entry.hover({ timeout: 10_000 });
          break;
        } catch (err) {
          if (attempt === 3) throw err;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(500);
        }
      }
      await page.keyboard.press('Enter');
      await menuClosed();
    };
    /** Whether the menu lists the entry (opened, looked at for 3 s, closed). */
    const offers = async (menu, item) => {
      const { button, entry } = menuParts(menu, item);
      await button.click();
      const shown = await entry.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      await page.keyboard.press('Escape');
      await menuClosed();
      return shown;
    };
    const speakersShown = async () => {
      const deadline = Date.now() + STEP_TIMEOUT;
      for (;;) {
        const rows = await levelOne();
        if (rows.some(r => r.startsWith('Sergey Lavrov')) && !rows.some(r => r.startsWith(FILE))) return rows;
        if (Date.now() > deadline) throw new Error(`top-level rows: ${rows.slice(0, 6).join(' | ')}`);
        await page.waitForTimeout(300);
      }
    };
    await check('the Group By switch groups the tree by speaker', async () => {
      await pickFromMenu('Group By', 'Group Claims by Speaker');
      const rows = await speakersShown();
      console.log(`    speakers: ${rows.slice(0, 4).join(' | ')}`);
      const lavrov = sidebar.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: 'Sergey Lavrov' }).first();
      await lavrov.locator('.monaco-tl-twistie').click();
      await sidebar.locator('.monaco-list-row[aria-level="2"]').first().waitFor({ state: 'visible' });
      await page.screenshot({ path: path.join(SHOTS, 'claims-tree-grouped.png') });
    });

    await check('the switch survives a reload of the window', async () => {
      await page.reload();
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      const tab = page.locator('.activitybar .action-label[aria-label^="Source Lens"]');
      await tab.waitFor({ state: 'visible', timeout: 60_000 });
      // The window comes back with the view it had; open it only while another one (or
      // none) is shown: clicking the tab of the view shown would close the side bar.
      const reloaded = Date.now() + 60_000;
      let clicked = 0;
      for (;;) {
        const rows = await levelOne();
        if (rows.some(r => r.startsWith('Sergey Lavrov')) && !rows.some(r => r.startsWith(FILE))) break;
        const title = (await sidebar.isVisible()) ? flat(await sidebar.locator('.composite.title').first().innerText().catch(() => '')) : '';
        if (!/source lens/i.test(title) && Date.now() - clicked > 5000) {
          await tab.click();
          clicked = Date.now();
        }
        if (Date.now() > reloaded) throw new Error(`after the reload, top-level rows: ${rows.slice(0, 6).join(' | ')} (side bar: "${title}")`);
        await page.waitForTimeout(300);
      }
      // The menu lists "by Source" only while the tree is grouped otherwise: a pick that went astray (the view
      // re-rendered under the open menu, and Enter took another entry) leaves it there to pick again; after a pick
      // that took, the test waits out the rest of the step for the tree to follow, and fails with the rows it saw.
      // (The menu follows a pick within milliseconds, not at once: asked the instant after the pick, it may still offer
      // the entry; after the first wait it has followed.)
      const bySource = async ms => {
        const deadline = Date.now() + ms;
        for (;;) {
          const rows = await levelOne();
          if (rows.some(r => r.includes(FILE))) return null;
          if (Date.now() > deadline) return rows;
          await page.waitForTimeout(300);
        }
      };
      await pickFromMenu('Group By', 'Group Claims by Source');
      const FIRST_WAIT = 10_000;
      let rows = await bySource(FIRST_WAIT);
      if (rows) {
        await page.screenshot({ path: path.join(SHOTS, 'group-by-source-first-pick.png') });
        const again = await offers('Group By', 'Group Claims by Source');
        console.log(`    grouping by source: not listed ${FIRST_WAIT / 1000} s after the pick (top-level rows: ${rows.slice(0, 4).join(' | ')}); ${again ? 'the menu still offers it (the pick did not take): picked again' : 'the pick took: waiting on'}`);
        if (again) await pickFromMenu('Group By', 'Group Claims by Source');
        rows = await bySource(again ? STEP_TIMEOUT : STEP_TIMEOUT - FIRST_WAIT);
      }
      if (rows) {
        await page.screenshot({ path: path.join(SHOTS, 'group-by-source-failed.png') });
        throw new Error(`grouping by source again did not list the sources (top-level rows: ${rows.slice(0, 6).join(' | ')})`);
      }
    });

    await check('the HTML report passes axe-core with no violations and needs no script', async () => {
      const file = path.join(root, 'report.html');
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'analyze', '--format', 'html', '--out', file, '.'], { cwd: folder, encoding: 'utf8' });
      assert(r.status === 0, `CLI: ${r.stderr}`);
      const context = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 1200, height: 900 } });
      const report = await context.newPage();
      const remote = [];
      report.on('request', q => { if (!q.url().startsWith('file:')) remote.push(q.url()); });
      await report.goto(`file://${file}`);
      await report.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
      const result = await report.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const res = await axe.run(document, { resultTypes: ['violations'] });
        return { violations: res.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })), rules: res.passes.length + res.incomplete.length + res.inapplicable.length + res.violations.length };
      });
      assert(result.violations.length === 0, `axe violations: ${JSON.stringify(result.violations)}`);
      assert(remote.length === 0, `remote requests: ${remote.join(', ')}`);
      console.log(`    axe-core ${JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'package.json'), 'utf8')).version}: 0 violations over ${result.rules} rules`);
      await report.screenshot({ path: path.join(SHOTS, 'report.png') });
      // Readable without script: the same page with JavaScript off shows the matrix.
      const plain = await browser.newContext({ javaScriptEnabled: false });
      const noJs = await plain.newPage();
      await noJs.goto(`file://${file}`);
      assert(await noJs.locator('table caption').first().isVisible(), 'the matrix is shown without script');
      await plain.close();
      await context.close();
    });

    await check('high contrast: the highlights stay distinct without colour', async () => {
      await page.locator('.editor-instance .view-lines').first().click().catch(() => {});
      await quickOpen(page, FILE);
      // The user's settings file, as a user would edit it: the workbench applies the theme as it changes.
      const file = path.join(server.userDataDir, 'User', 'settings.json');
      const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...settings, 'workbench.colorTheme': 'Default High Contrast' }, null, 2));
      const hc = await page.waitForSelector('.monaco-workbench.hc-black', { timeout: 10_000 }).catch(() => null);
      if (!hc) {
        await page.reload();
        await page.waitForSelector('.editor-instance .view-lines .view-line', { timeout: 60_000 });
      }
      await page.waitForSelector('.monaco-workbench.hc-black', { timeout: STEP_TIMEOUT });
      let drawn = {};
      const deadline = Date.now() + STEP_TIMEOUT;
      while (Object.keys(drawn = await drawnDecorations(page)).length < 3) {
        if (Date.now() > deadline) throw new Error(`decorations drawn in high contrast: ${Object.keys(drawn).length} classes`);
        await page.waitForTimeout(300);
      }
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(SHOTS, 'high-contrast.png') });
    });

    await check('no extension error reached the page', () => {
      assert(pageErrors.length === 0, pageErrors.slice(0, 3).join('\n'));
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop({ keepFiles: keep || failed });
    if (!keep && !failed) fs.rmSync(root, { recursive: true, force: true });
  }
  const passed = results.filter(r => r.ok).length;
  const shots = SHOTS === README_SHOTS ? `screenshots in ${path.relative(REPO_ROOT, SHOTS)}/`
    : fs.existsSync(SHOTS) ? `screenshots in ${SHOTS}/` : 'screenshots not kept: --keep keeps them, npm run screenshots refreshes media/screenshots/';
  console.log(`e2e: ${failed ? 'FAILED' : 'OK'}: ${passed} passed, ${results.length - passed} failed in ${((Date.now() - t0) / 1000).toFixed(1)} s (${shots})`);
  process.exit(failed || passed === 0 ? 1 : 0);
}

main().catch(err => { console.error(err?.stack ?? err); process.exit(1); });
