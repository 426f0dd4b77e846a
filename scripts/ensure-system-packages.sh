#!/usr/bin/env bash
# Installs what the test suite needs from Debian and what a fresh machine may lack: Chromium for
# Playwright (it cannot download its own browsers here), PostgreSQL, which the suite starts
# itself on a free port with a throw-away data folder, and OpenSSH for the sandbox Git server.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
command -v git >/dev/null || missing+=(git)
command -v openssl >/dev/null || missing+=(openssl)
[ -x /usr/lib/git-core/git-http-backend ] || missing+=(git)
# The sandbox Git server's SSH endpoint: sshd run as a plain process on a loopback port.
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh-keygen >/dev/null || missing+=(openssh-client)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "system packages: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
