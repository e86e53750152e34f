/**
 * A private copy of the repository for tests that version, build and publish: `changeset version`
 * rewrites package.json files, which must never happen in the working tree.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The repository this package lives in. */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");

/**
 * Copies every file git would commit (tracked, and new files not ignored) from the working tree,
 * so the copy tests the code as it is now, and makes the copy a git repository with one commit,
 * as changesets expects.
 *
 * @param target - An empty directory.
 */
export function copyWorkspace(target: string): void {
  const listing = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: REPO_ROOT, encoding: "utf8" },
  );
  for (const file of listing.split("\0").filter(Boolean)) {
    const destination = join(target, file);
    mkdirSync(dirname(destination), { recursive: true });
    try {
      cpSync(join(REPO_ROOT, file), destination);
    } catch (error) {
      // Deleted in the working tree but still in the index: not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const git = (...args: string[]): void => {
    execFileSync("git", args, { cwd: target, stdio: "pipe" });
  };
  git("init", "-q", "-b", "main");
  // An identity of the copy's own, for the commit and for the tags changesets creates.
  git("config", "user.name", "e2e");
  git("config", "user.email", "e2e@localhost");
  git("add", "-A");
  git("commit", "-qm", "copy");
}
