// Thin async wrapper around the git CLI, isolated from the user's own git
// config so that sandbox commits look the same on every machine. Async on
// purpose: the Git HTTP server may live in the same process, and a
// synchronous git call would block the very server it talks to.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface GitAuthor {
  name: string;
  email: string;
}

/**
 * The caller's environment minus GIT_* variables: run from a git hook, for
 * instance, GIT_DIR would point every sandbox git command at the wrong repo.
 */
export function envWithoutGit(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  return env;
}

export async function git(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...envWithoutGit(), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...extraEnv },
  });
  return stdout.trim();
}

/** Commits everything staged in `cwd` as `author`, at `date` (both author and committer date). */
export async function commitAs(cwd: string, author: GitAuthor, message: string, date?: Date): Promise<string> {
  const when: Record<string, string> = date ? { GIT_AUTHOR_DATE: date.toISOString(), GIT_COMMITTER_DATE: date.toISOString() } : {};
  await git(cwd, ['commit', '--quiet', '--allow-empty', '-m', message], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    ...when,
  });
  return git(cwd, ['rev-parse', 'HEAD']);
}
