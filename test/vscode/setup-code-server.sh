#!/usr/bin/env bash
# Installs a runnable VS Code (code-server 4.100.3 = VS Code 1.100.3) into a
# cache folder outside the repository, in the numbered steps below (code-server's own
# postinstall fails on these machines: it needs root's --unsafe-perm and downloads ripgrep).
# Idempotent: a finished cache carries a marker file and is reused as is; a
# build happens in a temporary sibling folder that is renamed into place only
# when complete, so an interrupted run never leaves a half-built cache.
#   bash test/vscode/setup-code-server.sh          # prints the cache path
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${SOURCE_LENS_CACHE:-$HOME/.cache/source-lens}"
DEST="$CACHE_ROOT/code-server-$VERSION"
MARKER="$DEST/.source-lens-complete"
BIN="$DEST/node_modules/.bin/code-server"

log() { echo "[setup-code-server] $*" >&2; }

# 1. Debian packages (skipped when already present).
need_apt=()
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
{ command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; } || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "installing apt packages: ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || true
  $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f "$MARKER" ] && [ -x "$BIN" ]; then
  log "cached: $DEST"
else
  mkdir -p "$CACHE_ROOT"
  # Leftovers of interrupted runs (old enough not to be a concurrent build).
  find "$CACHE_ROOT" -maxdepth 1 -name ".tmp-code-server-$VERSION-*" -mmin +30 -exec rm -rf {} + 2>/dev/null || true
  TMP="$(mktemp -d "$CACHE_ROOT/.tmp-code-server-$VERSION-XXXXXX")"
  trap 'rm -rf "$TMP"' EXIT
  log "building code-server $VERSION in $TMP (takes a few minutes)"
  cd "$TMP"
  echo '{"name":"source-lens-code-server","private":true}' > package.json
  # 2. The package itself, without its (failing) postinstall.
  npm install "code-server@$VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error
  CS="$TMP/node_modules/code-server"
  # 3. VS Code's own runtime dependencies.
  (cd "$CS/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  # 4. ripgrep from Debian instead of the GitHub download.
  mkdir -p "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  # 5. Native modules. node-pty's last step fails harmlessly; check its output.
  (cd "$CS/lib/vscode" && npm rebuild --unsafe-perm --loglevel=error >/dev/null 2>&1) || true
  [ -f "$CS/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] \
    || { log "node-pty did not build"; exit 1; }
  # 6. Links and built-in extensions' dependencies.
  (cd "$CS/lib/vscode" && ln -sfn node_modules node_modules.asar)
  (cd "$CS/lib/vscode/bin/remote-cli" && ln -sfn code-linux.sh code-server)
  (cd "$CS/lib/vscode/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
  (cd "$CS/lib/vscode/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=error)
  # 7. argon2 (password hashing; loaded at start-up even with --auth none).
  npm rebuild argon2 --loglevel=error
  # 8. It must start.
  "$TMP/node_modules/.bin/code-server" --version >/dev/null
  date -u +%FT%TZ > "$TMP/.source-lens-complete"
  # Atomic switch: rename the finished folder into place.
  rm -rf "$DEST"
  mv "$TMP" "$DEST"
  trap - EXIT
  log "installed: $DEST"
fi

echo "$DEST"
"$BIN" --version >&2
