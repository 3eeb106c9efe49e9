// `node bench/support/profile-summary.mjs <file.cpuprofile>`: self time of a `node --cpu-prof` profile by
// bucket (the package or source area a function lives in), largest first — what the README's profile notes quote.
import { readFileSync } from 'node:fs'

const BUCKETS = [
  [/\(garbage collector\)/, 'GC'],
  [/\(program\)|\(idle\)/, 'program/idle'],
  [/node_modules\/tsx|esbuild/, 'tsx / esbuild (run-time TypeScript)'],
  [/node_modules\/ky\//, 'ky'],
  [/node_modules\/zod\//, 'zod'],
  [/node_modules\/papaparse\//, 'papaparse'],
  [/node_modules\/better-sqlite3\/|^better-sqlite3:/, 'better-sqlite3'],
  [/node:internal\/deps\/undici|undici/, 'undici (fetch)'],
  [/node:internal\/webstreams|web_streams|webstreams/, 'web streams'],
  [/node:internal\/abort_controller|AbortSignal|abort/i, 'abort signals'],
  [/node:internal\/(http|_http)|node:_http|node:http/, 'node:http'],
  [/node:internal\/(net|stream|streams)|node:net|node:stream/, 'net / streams'],
  [/node:internal\/modules|node:internal\/bootstrap|loader/, 'module loading'],
  [/src\/main\/journal|journal/, 'journal (ours)'],
  [/src\/main\/teak|teak\//, 'Teak client (ours)'],
  [/src\/shared\/import|src\/main\/import|import/, 'import (ours)'],
  [/src\//, 'other (ours)'],
  [/node:/, 'other node internals'],
  [/./, 'other']
]

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfUs = new Map()
for (let k = 0; k < profile.samples.length; k++) {
  const id = profile.samples[k]
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0))
}
const buckets = new Map()
const functions = new Map()
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id)
  const bucket = BUCKETS.find(([pattern]) => pattern.test(callFrame.url || callFrame.functionName || '?'))[1]
  buckets.set(bucket, (buckets.get(bucket) ?? 0) + us)
  const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${callFrame.lineNumber + 1}`
  functions.set(name, (functions.get(name) ?? 0) + us)
}
const total = [...buckets.values()].reduce((a, b) => a + b, 0)
const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`
console.log(`total sampled ${ms(total)}`)
for (const [bucket, us] of [...buckets].sort((a, b) => b[1] - a[1])) console.log(`${ms(us)}  ${bucket}`)
console.log('\ntop functions by self time:')
for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${ms(us)}  ${name}`)
