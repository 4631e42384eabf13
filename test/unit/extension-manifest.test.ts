import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE } from '../../src/config/defaults';
import { Colors, Commands, CONFIG_SECTION, EXTENSION_ID, NavigationCommands, ReportCommands, TreeCommands, VIEW_CLAIMS, VIEW_CONTAINER, WalkthroughCommands } from '../../src/extension/ids';
import { DECORATION_KINDS } from '../../src/extension/decorations/kinds';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;

describe('extension: package.json manifest agrees with ids.ts', () => {
  it('has the extension id, entry point and cheap activation events', () => {
    assert.equal(`${pkg.publisher}.${pkg.name}`, EXTENSION_ID);
    assert.equal(pkg.main, './dist/extension.js');
    assert.deepEqual(pkg.activationEvents, ['onLanguage:plaintext', 'onLanguage:markdown', 'workspaceContains:**/*.txt', `onView:${VIEW_CLAIMS}`]);
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.equal(pkg.engines.vscode, '^1.90.0');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /Restricted Mode/);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('contributes every command with the category and a codicon, openPassage hidden from the palette', () => {
    const contributed = new Map<string, { category: string; icon: string }>(c.commands.map((x: { command: string }) => [x.command, x]));
    const all = [Commands, TreeCommands, NavigationCommands, ReportCommands, WalkthroughCommands].flatMap(o => Object.values(o) as string[]);
    for (const id of all) {
      const cmd = contributed.get(id);
      assert.ok(cmd, id);
      assert.equal(cmd.category, 'Source Lens');
      assert.match(cmd.icon, /^\$\([a-z-]+\)$/);
    }
    assert.equal(contributed.size, all.length);
    assert.deepEqual(c.menus.commandPalette[0], { command: Commands.openPassage, when: 'false' });
    // Item-only commands and the ticked twins of the filter switches stay out of the palette.
    const hidden = c.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command).sort();
    assert.deepEqual(hidden, [Commands.openPassage, TreeCommands.showInAllSources, TreeCommands.copyCitation, ...Object.values(TreeCommands).filter(id => id.endsWith('Off'))].sort());
    const submenus = new Set(c.submenus.map((s: { id: string }) => s.id));
    for (const m of c.menus['view/title']) {
      assert.ok(m.command ? contributed.has(m.command) : submenus.has(m.submenu), JSON.stringify(m));
      assert.ok(m.when.startsWith(`view == ${VIEW_CLAIMS}`), m.when);
    }
    for (const id of submenus) for (const m of c.menus[id as string]) assert.ok(contributed.has(m.command), m.command);
    // Every keyboard command has a default key, only while an analysed article has the focus.
    for (const id of Object.values(NavigationCommands)) {
      const kb = c.keybindings.find((k: { command: string }) => k.command === id);
      assert.ok(kb, `${id} has a keybinding`);
      assert.equal(kb.when, 'editorTextFocus && sourceLens.article');
    }
    const keys = c.keybindings.map((k: { key: string }) => k.key);
    assert.equal(new Set(keys).size, keys.length, 'no two commands share a key');
  });

  it('has the activity-bar container, the Claims view and welcome content', () => {
    assert.equal(c.viewsContainers.activitybar[0].id, VIEW_CONTAINER);
    assert.ok(fs.existsSync(path.join(root, c.viewsContainers.activitybar[0].icon)));
    assert.equal(c.views[VIEW_CONTAINER][0].id, VIEW_CLAIMS);
    assert.ok(c.viewsWelcome.every((w: { view: string }) => w.view === VIEW_CLAIMS));
  });

  it('contributes one theme colour per kind, with all four theme defaults', () => {
    const ids = c.colors.map((x: { id: string }) => x.id).sort();
    assert.deepEqual(ids, Object.values(Colors).sort());
    for (const k of DECORATION_KINDS) assert.ok(k in Colors, k);
    for (const col of c.colors) {
      assert.deepEqual(Object.keys(col.defaults).sort(), ['dark', 'highContrast', 'highContrastLight', 'light']);
      for (const v of Object.values(col.defaults)) assert.match(v as string, /^#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?$/);
      assert.ok(col.description);
    }
  });

  it('declares the defaults the CLI uses too (src/config/defaults.ts) as the settings\' defaults', () => {
    const properties = Object.assign({}, ...c.configuration.map((g: { properties: object }) => g.properties));
    assert.deepEqual(properties['sourceLens.include'].default, DEFAULT_INCLUDE);
    assert.deepEqual(properties['sourceLens.exclude'].default, DEFAULT_EXCLUDE);
    assert.equal(properties['sourceLens.maxFileSize'].default, DEFAULT_MAX_FILE_SIZE);
  });

  it('groups settings under titles, each with the prefix and a description', () => {
    for (const group of c.configuration) {
      assert.ok(group.title);
      for (const [key, p] of Object.entries(group.properties) as [string, { description?: string; markdownDescription?: string }][]) {
        assert.ok(key.startsWith(`${CONFIG_SECTION}.`), key);
        assert.ok(p.description || p.markdownDescription, key);
      }
    }
  });

  it('packages a 128x128 PNG icon and only the whitelisted files', () => {
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/).filter(Boolean);
    assert.deepEqual(ignore, ['**', '!dist/extension.js', '!dist/indexWorker.js', '!media/*.png', '!media/*.svg', '!media/walkthrough/**', '!package.json', '!README.md', '!LICENSE']);
    assert.equal(pkg.scripts['vscode:prepublish'], 'node esbuild.mjs --production');
    assert.match(pkg.scripts.package, /^vsce package --no-dependencies/);
  });
});
