/** The shape of one full run, as printed in JSON and written by `--json`. */
import type { OverheadFigures } from "./overhead.js";
import type { PipelineFigures } from "./pipeline.js";
import type { SizeFigures } from "./size.js";
import type { TypeCostFigures } from "./type-cost.js";

/** The sections `--only` can pick. */
export const SECTIONS = ["overhead", "size", "types", "pipeline"] as const;
/** One section's name. */
export type Section = (typeof SECTIONS)[number];

/** What the machine was like, since every figure here depends on it. */
export interface Environment {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  /** One-minute load average at the start and at the end: above `cpus`, others were busy too. */
  load: { start: number; end: number };
  date: string;
  /** Wall time of the whole run. */
  runMs: number;
}

/** A full run; a section left out with `--only` is absent. */
export interface BenchResults {
  environment: Environment;
  overhead?: OverheadFigures;
  size?: SizeFigures;
  types?: TypeCostFigures;
  pipeline?: PipelineFigures;
}
