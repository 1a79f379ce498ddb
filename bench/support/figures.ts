/** A machine-checkable target: the figure's value must be `op` this value. */
export interface Check {
  op: '>=' | '<=';
  value: number;
}

/** One measured figure. `target` says the goal for people; `check`, when present, is what CI enforces. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string | null;
  check?: Check;
}

/** What every `bench/*.bench.ts` module exports: a name to filter on and a run that returns figures. */
export interface BenchmarkModule {
  name: string;
  run(): Promise<Figure[]>;
}

/** Whether a figure meets its check. A figure without one always does; a value that is not a number never does. */
export function meetsTarget(figure: Figure): boolean {
  if (!figure.check) return true;
  if (!Number.isFinite(figure.value)) return false;
  return figure.check.op === '>=' ? figure.value >= figure.check.value : figure.value <= figure.check.value;
}

/** Rounds to `digits` decimals, for figures that should not pretend to more precision than they have. */
export const round = (value: number, digits = 0): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
