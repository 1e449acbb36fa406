export function quantile(xs: readonly number[], q: number): number;
