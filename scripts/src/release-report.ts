/**
 * The release's closing account: which packages this run published, which were already on the
 * registry and which are missing, told from the registry itself rather than from the publish log.
 */
import type { PublicPackage, RegistryState } from "./release-packages.js";

/** The outcome of one release run. */
export interface ReleaseReport {
  /** True when every package is on the registry and the publish command succeeded. */
  ok: boolean;
  /** Lines for the log, each starting with `release:`. */
  lines: string[];
}

const label = (pkg: PublicPackage): string => `${pkg.name}@${pkg.version}`;

/**
 * Compares the registry before and after the publish.
 *
 * @param packages - The packages the release meant to publish.
 * @param before - Their state on the registry before the publish.
 * @param after - Their state after it.
 * @param publishExitCode - The exit code of `changeset publish`.
 */
export function reportRelease(
  packages: readonly PublicPackage[],
  before: ReadonlyMap<string, RegistryState>,
  after: ReadonlyMap<string, RegistryState>,
  publishExitCode: number,
): ReleaseReport {
  const publishedNow = packages.filter(
    (pkg) => after.get(pkg.name) === "present" && before.get(pkg.name) !== "present",
  );
  const alreadyThere = packages.filter(
    (pkg) => after.get(pkg.name) === "present" && before.get(pkg.name) === "present",
  );
  const missing = packages.filter((pkg) => after.get(pkg.name) === "absent");
  const unknown = packages.filter((pkg) => after.get(pkg.name) === "unknown");

  const lines: string[] = [];
  const list = (title: string, group: PublicPackage[]): void => {
    if (group.length > 0) lines.push(`release: ${title}: ${group.map(label).join(", ")}`);
  };
  list("published now", publishedNow);
  list("already on the registry", alreadyThere);
  list("NOT published", missing);
  list("could not check", unknown);

  const onRegistry = publishedNow.length + alreadyThere.length;
  if (missing.length === 0 && unknown.length === 0) {
    if (publishExitCode === 0) {
      lines.push(`release: done: all ${packages.length} packages are on the registry.`);
      return { ok: true, lines };
    }
    lines.push(
      `release: every package is on the registry, but changeset publish exited with ` +
        `${publishExitCode}; see its output above.`,
    );
    return { ok: false, lines };
  }
  if (onRegistry > 0) {
    const rest = packages.length - onRegistry;
    lines.push(
      `release: the publish stopped half-way: ${onRegistry} of ${packages.length} packages are ` +
        `on the registry, ${rest} ${rest === 1 ? "is" : "are"} not. Fix the cause shown above and ` +
        `run the release again: versions already on the registry are skipped, so only the rest ` +
        `is published.`,
    );
  } else {
    lines.push(
      `release: nothing was published (${packages.length} packages missing); see the output above.`,
    );
  }
  return { ok: false, lines };
}
