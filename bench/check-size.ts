import { budgetChecks, cdnSizes, CRITICAL_PATH_GOAL_BYTES, elementLeaks } from './bundle-sizes.js';

// `npm run size` (CI): for the ES module and the classic script, what a page fetches before both
// elements render (and a sign-in page before its element renders), and all it has fetched once a
// ceremony runs, each against its gzip budget; and that pages without <passkey-sign-in> carry none of it.
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
// A page of the other two elements does not pay for <passkey-sign-in>, in any split bundle.
const leaks = await elementLeaks();
if (leaks.length) {
  over++;
  console.error(
    `OVER: <passkey-sign-in> or <passkey-manager> code in a page that does not use it: ${leaks.join('; ')}`,
  );
} else {
  console.log(
    'within: no <passkey-sign-in> or <passkey-manager> code in the CDN files of the others, nor in an app bundling the enroll and step-up entries',
  );
}
const critical = Math.max(cdn.module.gzip, cdn.classic.gzip);
console.log(
  `Critical path goal ${CRITICAL_PATH_GOAL_BYTES} bytes: ${critical <= CRITICAL_PATH_GOAL_BYTES ? 'met' : `${critical - CRITICAL_PATH_GOAL_BYTES} bytes to go`}.`,
);
if (over) process.exit(1);
