// The sandbox's repositories over SSH, as Git hosts serve them: Debian's sshd run as a plain
// process on a free loopback port, with a host key and a client key made for this world. The one
// authorized key may only run git-upload-pack or git-receive-pack on a repository of the root.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess, waitFor, type ManagedProcess, type ProcessGroupRegistry } from './processes';

const SSHD = '/usr/sbin/sshd';
/** sshd started by root refuses to run without its privilege separation directory (systemd normally makes it). */
const PRIVSEP_DIR = '/run/sshd';

export interface SshGitServer {
  /** Base URL: a repository `fleet.git` is cloned from `${url}/fleet.git`. */
  url: string;
  /** The client's private key (OpenSSH PEM), as a Flux Secret's `identity`. */
  identity: string;
  /** The host key as a known_hosts line, as a Flux Secret's `known_hosts`. */
  knownHosts: string;
  process: ManagedProcess;
}

function newKey(file: string, comment: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The forced command: takes the repository from the client's request and serves it from the root, nothing else. */
function serveScript(projectRoot: string): string {
  return [
    '#!/bin/sh',
    'set -eu',
    'case "$SSH_ORIGINAL_COMMAND" in',
    `  "git-upload-pack '"*"'"|"git-receive-pack '"*"'") ;;`,
    '  *) echo "sandbox git: only git-upload-pack and git-receive-pack are served" >&2; exit 1 ;;',
    'esac',
    'command=${SSH_ORIGINAL_COMMAND%% *}',
    `path=\${SSH_ORIGINAL_COMMAND#* \\'}; path=\${path%\\'}; path=\${path#/}`,
    'case "$path" in *..*|"") echo "sandbox git: no such repository" >&2; exit 1 ;; esac',
    `exec "$command" '${projectRoot}'/"$path"`,
    '',
  ].join('\n');
}

function sshdConfig(dir: string, port: number): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_key')}`,
    'PidFile none',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    // The state folder lives under the machine's temp folder, which is world-writable.
    'StrictModes no',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'PermitRootLogin prohibit-password',
    'AcceptEnv GIT_PROTOCOL',
    'LogLevel VERBOSE',
    '',
  ].join('\n');
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', (banner) => {
      socket.destroy();
      resolve(banner.toString('latin1').startsWith('SSH-'));
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startSshGitServer(projectRoot: string, dir: string, registry: ProcessGroupRegistry): Promise<SshGitServer> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.getuid?.() === 0 && !existsSync(PRIVSEP_DIR)) mkdirSync(PRIVSEP_DIR, { mode: 0o755 });
  newKey(join(dir, 'host_key'), 'sandbox-git-host');
  newKey(join(dir, 'client_key'), 'sandbox-git-client');
  const serve = join(dir, 'serve-git.sh');
  writeFileSync(serve, serveScript(projectRoot));
  chmodSync(serve, 0o755);
  writeFileSync(join(dir, 'authorized_keys'), `command="${serve}",restrict ${readFileSync(join(dir, 'client_key.pub'), 'utf8')}`, { mode: 0o600 });
  const port = await freePort();
  writeFileSync(join(dir, 'sshd_config'), sshdConfig(dir, port));
  // sshd re-executes itself for every connection, so it must be started by its absolute path.
  const proc = startProcess({ name: 'sshd', command: SSHD, args: ['-D', '-e', '-f', join(dir, 'sshd_config')], logFile: join(dir, 'sshd.log') }, registry);
  await waitFor('sshd', () => accepts(port), 10_000, proc);
  const [type, key] = readFileSync(join(dir, 'host_key.pub'), 'utf8').split(' ');
  // sshd lets in only the user it runs as (or anyone, as root): the URL names that user.
  return {
    url: `ssh://${userInfo().username}@127.0.0.1:${port}`,
    identity: readFileSync(join(dir, 'client_key'), 'utf8'),
    knownHosts: `[127.0.0.1]:${port} ${type} ${key}\n`,
    process: proc,
  };
}
