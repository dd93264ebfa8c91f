import { bundleSizes, CDN_GZIP_BUDGET_BYTES } from './bundle-sizes.js';

// `npm run size` (CI): fails when either CDN file (the ES module or the classic script) is over
// the gzip budget. Sizes are deterministic.
const rows = await bundleSizes();
for (const row of rows)
  console.log(`${row.name}: ${(row.gzip / 1000).toFixed(2)} kB gzip, ${(row.brotli / 1000).toFixed(2)} kB brotli`);
const over = rows.slice(0, 2).filter((row) => row.gzip > CDN_GZIP_BUDGET_BYTES);
for (const row of over) {
  console.error(`Over budget: ${row.name} is ${row.gzip} bytes gzip, the budget is ${CDN_GZIP_BUDGET_BYTES}.`);
}
if (over.length) process.exit(1);
console.log(
  `Within budget: ${rows[0]!.gzip} (ES module) and ${rows[1]!.gzip} (classic script) of ${CDN_GZIP_BUDGET_BYTES} bytes gzip.`,
);
