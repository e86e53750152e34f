/**
 * Generates the types package from the committed snapshot.
 *
 * Reads `openapi/openapi.json` (the pristine, pulled document) and `openapi/overlay.yaml` (our
 * corrections), applies the overlay, and writes:
 *
 * - `src/generated/openapi.json`: the corrected document, for validators and stand-in servers;
 * - `src/generated/schema.ts`: openapi-typescript's types for it;
 * - `src/generated/spec-info.ts`: the document's `info.version`, which the client pins.
 *
 * A file is only rewritten when its bytes change, so regenerating from an unchanged snapshot is a
 * no-op. With `--check` nothing is written and the exit code says whether the files are current.
 */
import { readFile, writeFile, mkdir, rename } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { openapiOverlay } from "openapi-format";
import { parse as parseYaml } from "yaml";

const packageDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(packageDir, "../..");
const generatedDir = join(packageDir, "src/generated");

const HEADER = `// This file is generated from openapi/openapi.json and openapi/overlay.yaml by
// packages/api-types/generate.ts. Do not edit it by hand: run \`pnpm generate\`.\n\n`;

interface OverlayAction {
  target: string;
  description?: string;
}

/** What one generation run produces: file name (inside `src/generated/`) to contents. */
export type GeneratedFiles = Record<string, string>;

/**
 * Applies the overlay to the snapshot, one action at a time, and fails when an action matches
 * nothing or no longer changes anything: either means the vendor's document moved, perhaps
 * fixing the gap upstream, and the overlay needs a look.
 */
export async function applyOverlay(snapshot: unknown, overlay: unknown): Promise<OpenAPI3> {
  const { actions = [], ...header } = overlay as { actions?: OverlayAction[] };
  let document = structuredClone(snapshot);
  const unmatched: string[] = [];
  const idle: string[] = [];

  for (const action of actions) {
    const before = JSON.stringify(document);
    // Both come from parsed files; openapi-format checks their shape itself.
    type Args = Parameters<typeof openapiOverlay>;
    const { data, resultData } = await openapiOverlay(document as Args[0], {
      overlaySet: { ...header, actions: [action] } as Args[1]["overlaySet"],
    });
    if (((resultData?.unusedActions ?? []) as unknown[]).length > 0) unmatched.push(action.target);
    else if (JSON.stringify(data) === before) idle.push(action.target);
    document = data;
  }

  const problems = [
    unmatched.length > 0 && `overlay actions no longer match the snapshot: ${unmatched.join(", ")}`,
    idle.length > 0 && `overlay actions no longer change anything: ${idle.join(", ")}`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(
      `${problems.join("; ")}. The vendor may have fixed the gap upstream: ` +
        "check openapi/openapi.json and update or delete the action in openapi/overlay.yaml.",
    );
  }
  return document as OpenAPI3;
}

/** Produces every generated file from a snapshot and an overlay, without touching the disk. */
export async function generate(snapshot: unknown, overlay: unknown): Promise<GeneratedFiles> {
  const document = await applyOverlay(snapshot, overlay);
  const types = astToString(await openapiTS(document));
  const version = JSON.stringify(document.info.version);

  return {
    "openapi.json": `${JSON.stringify(document, null, 2)}\n`,
    "schema.ts": HEADER + types,
    "spec-info.ts":
      HEADER +
      "/** The `info.version` of the API document these types were generated from. */\n" +
      `export const specVersion = ${version} as const;\n`,
  };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function main(check: boolean): Promise<void> {
  const snapshot = JSON.parse(await readFile(join(repoDir, "openapi/openapi.json"), "utf8"));
  const overlay = parseYaml(await readFile(join(repoDir, "openapi/overlay.yaml"), "utf8"));
  const files = await generate(snapshot, overlay);

  const stale: string[] = [];
  for (const [name, contents] of Object.entries(files)) {
    const path = join(generatedDir, name);
    if ((await readIfExists(path)) === contents) continue;
    stale.push(relative(repoDir, path));
    if (check) continue;
    await mkdir(generatedDir, { recursive: true });
    await writeFile(`${path}.tmp`, contents);
    await rename(`${path}.tmp`, path);
  }

  if (stale.length === 0) {
    console.log("generated types are up to date");
  } else if (check) {
    console.error(`generated files are stale: ${stale.join(", ")}. Run \`pnpm generate\`.`);
    process.exitCode = 1;
  } else {
    console.log(`generated ${stale.join(", ")}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.includes("--check")).catch((error: unknown) => {
    console.error(`generate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
