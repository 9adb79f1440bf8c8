// Runs `npm ci` for the pinned onnxruntime-web only when package-lock.json changed since the last
// install, so every `mvn test` after the first costs ~50 ms here instead of a full reinstall.
// Uses the machine's npm; --ignore-scripts because we only copy files out of the package.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const want = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.privrec-lock.sha256';

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) {
  console.log('[npm-ci] node_modules matches package-lock.json; skipping npm ci');
  process.exit(0);
}
const npm = process.env.NPM || 'npm';
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
  { stdio: 'inherit' });
if (r.error) {
  console.error(`[npm-ci] cannot run ${npm}: ${r.error.message}`);
  process.exit(2);
}
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(stamp, want + '\n');
console.log('[npm-ci] installed from package-lock.json');
