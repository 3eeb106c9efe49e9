// Preloaded (`node --import`) into a measured process: as it exits, writes its peak resident set size (kB)
// and CPU time (µs) to BENCH_RESOURCE_FILE as JSON — what `/usr/bin/time -v` reports, but on every OS.
import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_RESOURCE_FILE
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: maxRSS, userCpuUs: userCPUTime, systemCpuUs: systemCPUTime })
    )
  })
}
