import { findIndicatorsInText } from './shared/indicators/extract-text';
let seed = 7; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const gens: Record<string, (n: number) => string> = {
  '(0 repeat': (n) => '(0'.repeat(n / 2),
  '(0 + random digit': (n) => Array.from({ length: n / 3 }, () => '(0' + Math.floor(rnd() * 10)).join(''),
  '0 random digits (': (n) => Array.from({ length: n / 4 }, () => '0' + Math.floor(rnd() * 100).toString().padStart(2, '0') + '(').join(''),
  '0 random 3 blank': (n) => Array.from({ length: n / 5 }, () => '0' + Math.floor(rnd() * 1000).toString().padStart(3, '0') + ' ').join(''),
  'phone list': (n) => Array.from({ length: n / 11 }, () => '06' + Math.floor(rnd() * 1e8).toString().padStart(8, '0') + ' ').join(''),
};
for (const [name, gen] of Object.entries(gens)) {
  const text = gen(32 * 1024);
  const t = performance.now();
  const found = findIndicatorsInText(text);
  console.log(name, ((performance.now() - t) / 32).toFixed(2), 'ms/KB', found.length);
}
