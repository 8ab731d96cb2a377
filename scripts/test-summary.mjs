// Adds up the reports of jest, pytest and playwright into one closing line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const rows = [];

const jestFile = join(dir, 'jest.json');
if (existsSync(jestFile)) {
  const r = JSON.parse(readFileSync(jestFile, 'utf8'));
  rows.push(['jest', r.numPassedTests, r.numFailedTests, r.numPendingTests]);
}
const pytestFile = join(dir, 'pytest.xml');
if (existsSync(pytestFile)) {
  const xml = readFileSync(pytestFile, 'utf8');
  const attr = name => Number((new RegExp(`<testsuite[^>]* ${name}="(\\d+)"`).exec(xml) ?? [0, 0])[1]);
  const failed = attr('failures') + attr('errors');
  const skipped = attr('skipped');
  rows.push(['pytest', attr('tests') - failed - skipped, failed, skipped]);
}
const pwFile = join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const s = JSON.parse(readFileSync(pwFile, 'utf8')).stats;
  rows.push(['galata', s.expected + s.flaky, s.unexpected, s.skipped]);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [name, p, f, s] of rows) {
  console.log(`${name.padEnd(8)} ${p} passed, ${f} failed, ${s} skipped`);
  passed += p;
  failed += f;
  skipped += s;
}
if (rows.length < 3) {
  console.log(`(${3 - rows.length} suite(s) produced no report)`);
  failed += 3 - rows.length;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
