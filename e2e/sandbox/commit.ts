// Commits to a sandbox repository the way a developer does: clone over the
// Git HTTP server, change files, commit, push (rebasing if someone was faster).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { commitAs, git, type GitAuthor } from './git';
import type { SandboxWorld } from './types';

export interface CommitChange {
  author: GitAuthor;
  message: string;
  /** Path in the repository -> new content, or null to delete the file. */
  files: Record<string, string | null>;
  /** Clone URL; defaults to the fleet repository. */
  repo?: string;
  /** The branch to commit to, created from main when it does not exist yet; defaults to main. */
  branch?: string;
}

/** Returns the sha of the pushed commit. */
export async function commitChange(world: Pick<SandboxWorld, 'git'>, change: CommitChange): Promise<string> {
  const url = change.repo ?? world.git.repos[0];
  if (!url) throw new Error('the sandbox world has no Git repository');
  const work = mkdtempSync(join(tmpdir(), 'sandbox-commit-'));
  try {
    const branch = change.branch ?? 'main';
    await git(work, ['clone', '--quiet', url, '.']);
    if (branch !== 'main' && (await git(work, ['ls-remote', 'origin', `refs/heads/${branch}`]))) await git(work, ['checkout', '--quiet', '-B', branch, `origin/${branch}`]);
    for (const [path, content] of Object.entries(change.files)) {
      if (content === null) {
        await git(work, ['rm', '--quiet', '--', path]);
      } else {
        mkdirSync(dirname(join(work, path)), { recursive: true });
        writeFileSync(join(work, path), content);
        await git(work, ['add', '--', path]);
      }
    }
    await commitAs(work, change.author, change.message);
    for (let attempt = 1; ; attempt++) {
      try {
        await git(work, ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
        return await git(work, ['rev-parse', 'HEAD']);
      } catch (err) {
        if (attempt === 5) throw err;
        // Rebasing rewrites the commit, so it needs the committer identity again.
        await git(work, ['pull', '--quiet', '--rebase', 'origin', branch], { GIT_COMMITTER_NAME: change.author.name, GIT_COMMITTER_EMAIL: change.author.email });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
