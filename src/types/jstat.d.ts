/**
 * Minimal typings for the parts of jstat (1.9, CommonJS, no bundled types) that threadgate uses.
 * The package's `module.exports` is the jStat object, so it is the default import.
 */
declare module 'jstat' {
  interface JStat {
    studentt: {
      /** Inverse CDF (quantile) of Student's t with `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
      /** CDF of Student's t with `dof` degrees of freedom. */
      cdf(t: number, dof: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
