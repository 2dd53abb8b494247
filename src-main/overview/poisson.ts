/**
 * The Poisson upper tail, P(X ≥ k) for a mean λ, summed in log space so that tiny probabilities stay exact — asked
 * only whether it is below a bar: most counts tested (thousands of terms, indicators and clusters) are ordinary, and
 * their sum passes the bar at its first terms, where summing on to the end would be wasted.
 */
export function poissonTailBelow(k: number, lambda: number, bar: number): number | null {
  if (k <= 0) return 1 < bar ? 1 : null;
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let i = k; ; i += 1) {
    const term = Math.exp(logTerm);
    sum += term;
    // The terms are positive: once the sum reaches the bar, so does the tail.
    if (sum >= bar) return null;
    if (term < sum * 1e-15 || i > k + 10_000) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  const tail = Math.min(1, sum);
  return tail < bar ? tail : null;
}

/** log(n!) summed in the same order as ever, each sum kept for the next count. */
const logFactorials = [0, 0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i += 1) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}
