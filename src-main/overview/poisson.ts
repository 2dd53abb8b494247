/** The Poisson upper tail, P(X ≥ k) for a mean λ, summed in log space so that tiny probabilities stay exact. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let i = k; ; i += 1) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-15 || i > k + 10_000) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i += 1) sum += Math.log(i);
  return sum;
}
