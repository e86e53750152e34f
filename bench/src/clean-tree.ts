/**
 * A fresh copy of the repository, as a new clone would look: the files git would hand over (the
 * tracked ones and any new ones not ignored, so work in progress is included), with no
 * node_modules, no build output and no turbo cache.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "./paths.js";

/** A copied tree and how to remove it. */
export interface CleanTree {
  root: string;
  files: number;
  remove(): Promise<void>;
}

// A commit needs an author; this one never leaves the temporary folder.
const GIT_IDENTITY = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"];

/** Copies the repository into a new temporary folder and commits it there, as a clone would be. */
export async function copyCleanTree(): Promise<CleanTree> {
  const listArgs = ["ls-files", "-z", "--cached", "--others", "--exclude-standard"];
  const listed = execFileSync("git", listArgs, { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);

  const root = await mkdtemp(join(tmpdir(), "autoenhance-pipeline-"));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    let files = 0;
    for (const file of listed) {
      const from = join(REPO_ROOT, file);
      // A tracked file deleted in the working tree is not part of what would be committed.
      const info = await stat(from).catch(() => undefined);
      if (!info?.isFile()) continue;
      await mkdir(dirname(join(root, file)), { recursive: true });
      await copyFile(from, join(root, file));
      files++;
    }

    // turbo hashes inputs with git when it can, as it does in CI: give it a repository.
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
    git("init", "-q");
    git("add", "-A");
    git(...GIT_IDENTITY, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "clean tree");
    return { root, files, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
