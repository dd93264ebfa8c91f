import { bundleSizes, CDN_GZIP_BUDGET_BYTES } from './bundle-sizes.js';

// `npm run size` (CI): fails when the CDN bundle is over its gzip budget. Sizes are deterministic.
const rows = await bundleSizes();
for (const row of rows)
  console.log(`${row.name}: ${(row.gzip / 1000).toFixed(2)} kB gzip, ${(row.brotli / 1000).toFixed(2)} kB brotli`);
const cdn = rows[0]!;
if (cdn.gzip > CDN_GZIP_BUDGET_BYTES) {
  console.error(`Over budget: the CDN bundle is ${cdn.gzip} bytes gzip, the budget is ${CDN_GZIP_BUDGET_BYTES}.`);
  process.exit(1);
}
console.log(`Within budget: ${cdn.gzip} of ${CDN_GZIP_BUDGET_BYTES} bytes gzip.`);
