import { budgetChecks, cdnSizes, CRITICAL_PATH_GOAL_BYTES } from './bundle-sizes.js';

// `npm run size` (CI): for the ES module and the classic script, what a page fetches before both
// elements render, and all it has fetched once a ceremony runs, each against its gzip budget.
// Sizes are deterministic.
const cdn = cdnSizes();
for (const row of Object.values(cdn))
  console.log(`${row.name}: ${(row.gzip / 1000).toFixed(2)} kB gzip, ${(row.brotli / 1000).toFixed(2)} kB brotli`);
let over = 0;
for (const check of budgetChecks(cdn)) {
  const ok = check.bytes <= check.budget;
  if (!ok) over++;
  (ok ? console.log : console.error)(
    `${ok ? 'within' : 'OVER'}: ${check.name}: ${check.bytes} of ${check.budget} bytes gzip`,
  );
}
const critical = Math.max(cdn.module.gzip, cdn.classic.gzip);
console.log(
  `Critical path goal ${CRITICAL_PATH_GOAL_BYTES} bytes: ${critical <= CRITICAL_PATH_GOAL_BYTES ? 'met' : `${critical - CRITICAL_PATH_GOAL_BYTES} bytes to go`}.`,
);
if (over) process.exit(1);
